import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { lockRemainingSeconds, throttleKeys, type ThrottlePolicy } from '../../domain/login-throttle';
import { hashOpaqueToken, newOpaqueToken } from '../../domain/tokens';
import { canSignIn } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { addSeconds, issueAccessToken, throwIfInvalid, type IssuedTokens } from '../shared';

export interface LoginCommand {
  email: string;
  password: string;
  clientIp?: string;
  userAgent?: string;
}

function policies(deps: AuthDeps): { account: ThrottlePolicy; ip: ThrottlePolicy } {
  const base = {
    windowSeconds: deps.config.LOGIN_LOCK_SECONDS,
    lockSeconds: deps.config.LOGIN_LOCK_SECONDS,
    maxLockSeconds: 86_400,
  };
  return {
    account: { ...base, maxFailures: deps.config.LOGIN_MAX_FAILURES },
    ip: { ...base, maxFailures: deps.config.LOGIN_IP_MAX_FAILURES },
  };
}

/**
 * Signs in with email and password and opens a session. Unknown email and wrong password are the same
 * error and take the same time; failures are counted per account and per client IP, and a locked key
 * is refused before any password is checked. A disabled account is only reported once the password
 * was right, so the answer never tells whether an email is registered.
 */
export async function login(deps: AuthDeps, cmd: LoginCommand): Promise<IssuedTokens> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.presentedPassword('password', cmd.password);
  throwIfInvalid(check);

  const now = deps.clock();
  const keys = throttleKeys(email, cmd.clientIp);
  const keyList = [keys.account, ...(keys.ip ? [keys.ip] : [])];
  const states = await deps.throttle.load(keyList);
  const retryAfter = Math.max(0, ...keyList.map((k) => lockRemainingSeconds(states.get(k) ?? null, now)));
  if (retryAfter > 0) throw AuthErrors.loginLocked(retryAfter);

  const user = await deps.users.findForLogin(email);
  const passwordOk = user
    ? await deps.hasher.verify(password, user.passwordHash)
    : await deps.hasher.verifyAgainstDummy(password);
  if (!user || !passwordOk) {
    const policy = policies(deps);
    await Promise.all([
      deps.throttle.recordFailure(keys.account, now, policy.account),
      keys.ip ? deps.throttle.recordFailure(keys.ip, now, policy.ip) : undefined,
    ]);
    deps.logger.info({ user_id: user?.id, client_ip: cmd.clientIp }, 'sign-in failed');
    throw AuthErrors.invalidCredentials();
  }
  if (!canSignIn(user)) throw AuthErrors.accountDisabled();

  await deps.throttle.reset(keys.account);
  await deps.keys.activeKey(); // load the signing key before anything is committed
  const refreshToken = newOpaqueToken();
  const expiresAt = addSeconds(now, deps.config.REFRESH_TOKEN_TTL_SECONDS);
  const { session, updated } = await withTransaction(deps.sequelize, async (transaction) => {
    const session = await deps.sessions.create(
      { userId: user.id, now, expiresAt, userAgent: cmd.userAgent ?? '', ip: cmd.clientIp ?? '' },
      transaction,
    );
    await deps.sessions.addRefreshToken(
      { sessionId: session.id, tokenHash: hashOpaqueToken(refreshToken), now, expiresAt },
      transaction,
    );
    const updated = await deps.users.update(user.id, { lastLoginAt: now }, transaction);
    return { session, updated };
  });
  const access = await issueAccessToken(deps, updated, session.id);
  deps.logger.info({ user_id: user.id, session_id: session.id }, 'signed in');
  return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken, sessionId: session.id, user: updated };
}
