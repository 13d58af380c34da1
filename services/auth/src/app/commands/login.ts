import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { lockRemainingSeconds, throttleKeys, type AttemptVerdict, type ThrottlePolicy } from '../../domain/login-throttle';
import { hashOpaqueToken, newOpaqueToken } from '../../domain/tokens';
import { canSignIn } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { addSeconds, earlier, issueAccessToken, markSessionsRevoked, throwIfInvalid, type IssuedTokens } from '../shared';

export interface LoginCommand {
  email: string;
  password: string;
  clientIp?: string;
  userAgent?: string;
}

/** Throttle policies: hard locks double up to a day (they only lock one client IP); the account-wide one does not. */
export function throttlePolicies(deps: AuthDeps): { account: ThrottlePolicy; accountIp: ThrottlePolicy; ip: ThrottlePolicy } {
  const base = {
    windowSeconds: deps.config.LOGIN_LOCK_SECONDS,
    lockSeconds: deps.config.LOGIN_LOCK_SECONDS,
    maxLockSeconds: 86_400,
  };
  return {
    account: { ...base, maxFailures: deps.config.LOGIN_MAX_FAILURES, maxLockSeconds: deps.config.LOGIN_LOCK_SECONDS },
    accountIp: { ...base, maxFailures: deps.config.LOGIN_MAX_FAILURES },
    ip: { ...base, maxFailures: deps.config.LOGIN_IP_MAX_FAILURES },
  };
}

/**
 * Signs in with email and password and opens a session. Unknown email and wrong password are the same
 * error and take the same time. The attempt is counted first, atomically, on three keys (see
 * domain/login-throttle): a hard lock on this account from this client IP, or on this client IP,
 * refuses it at once; the account-wide counter never refuses — while it is over the limit every answer
 * for the account waits LOGIN_ACCOUNT_SLOWDOWN_MS — so guessing from some IPs cannot lock the owner out
 * from another. A disabled account is only reported once the password was right, so the answer never
 * tells whether an email is registered.
 */
export async function login(deps: AuthDeps, cmd: LoginCommand): Promise<IssuedTokens> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.presentedPassword('password', cmd.password);
  throwIfInvalid(check);

  const now = deps.clock();
  const keys = throttleKeys(email, cmd.clientIp);
  const policy = throttlePolicies(deps);
  const verdicts = await deps.throttle.attempt(
    [
      { key: keys.account, policy: policy.account },
      { key: keys.accountIp, policy: policy.accountIp },
      ...(keys.ip ? [{ key: keys.ip, policy: policy.ip }] : []),
    ],
    now,
  );
  const hardLocks = [keys.accountIp, ...(keys.ip ? [keys.ip] : [])].map((k) => verdicts.get(k)!);
  const retryAfter = Math.max(0, ...hardLocks.map((v) => (v.allowed ? 0 : v.retryAfterSeconds)));
  if (retryAfter > 0) {
    await refundAllowed(deps, verdicts);
    throw AuthErrors.loginLocked(retryAfter);
  }
  const slowDown = lockRemainingSeconds(verdicts.get(keys.account)!.state, now) > 0;

  const user = await deps.users.findForLogin(email);
  const passwordOk = user
    ? await deps.hasher.verify(password, user.passwordHash)
    : await deps.hasher.verifyAgainstDummy(password);
  if (slowDown && deps.config.LOGIN_ACCOUNT_SLOWDOWN_MS > 0) {
    await new Promise((resolve) => setTimeout(resolve, deps.config.LOGIN_ACCOUNT_SLOWDOWN_MS));
  }
  if (!user || !passwordOk) {
    deps.logger.info({ user_id: user?.id, client_ip: cmd.clientIp }, 'sign-in failed');
    throw AuthErrors.invalidCredentials();
  }
  // The right password: this account's counters start over; the shared IP is not charged for it.
  await Promise.all([
    deps.throttle.reset(keys.account),
    deps.throttle.reset(keys.accountIp),
    keys.ip ? deps.throttle.refund(keys.ip) : undefined,
  ]);
  if (!canSignIn(user)) throw AuthErrors.accountDisabled();

  await deps.keys.activeKey(); // load the signing key before anything is committed
  const refreshToken = newOpaqueToken();
  const absoluteExpiresAt = addSeconds(now, deps.config.SESSION_ABSOLUTE_TTL_SECONDS);
  const expiresAt = earlier(addSeconds(now, deps.config.REFRESH_TOKEN_TTL_SECONDS), absoluteExpiresAt);
  const { session, updated, evicted } = await withTransaction(deps.sequelize, async (transaction) => {
    // The user row first: it serialises concurrent sign-ins of one user, so the cap below holds.
    const updated = await deps.users.update(user.id, { lastLoginAt: now }, transaction);
    const session = await deps.sessions.create(
      { userId: user.id, now, expiresAt, absoluteExpiresAt, userAgent: cmd.userAgent ?? '', ip: cmd.clientIp ?? '' },
      transaction,
    );
    await deps.sessions.addRefreshToken(
      { sessionId: session.id, tokenHash: hashOpaqueToken(refreshToken), now, expiresAt },
      transaction,
    );
    const evicted = await deps.sessions.revokeBeyondCap(user.id, deps.config.MAX_SESSIONS_PER_USER, now, transaction);
    return { session, updated, evicted };
  });
  await markSessionsRevoked(deps, evicted);
  const access = await issueAccessToken(deps, updated, session.id);
  deps.logger.info({ user_id: user.id, session_id: session.id }, 'signed in');
  return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken, sessionId: session.id, user: updated };
}

/** A refused attempt is not a guess: take back what it counted on the keys that let it through. */
async function refundAllowed(deps: AuthDeps, verdicts: Map<string, AttemptVerdict>): Promise<void> {
  await Promise.all([...verdicts].filter(([, v]) => v.allowed).map(([key]) => deps.throttle.refund(key)));
}
