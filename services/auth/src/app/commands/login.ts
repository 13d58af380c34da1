import { AuthErrors } from '../../domain/auth.errors';
import { lockRemainingSeconds, throttleKeys, type ThrottlePolicy } from '../../domain/login-throttle';
import { hashOpaqueToken, newOpaqueToken } from '../../domain/tokens';
import { canSignIn, type User, type UserWithSecret } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { SessionRecord } from '../../infra/session.repository';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { addSeconds, earlier, throwIfInvalid } from '../shared';

export interface LoginCommand {
  email: string;
  password: string;
  clientIp?: string;
  userAgent?: string;
}

/** Throttle policies: hard locks double up to a day (they only lock one client IP); the account-wide one does not. */
export function throttlePolicies(deps: Pick<AuthDeps, 'config'>): { account: ThrottlePolicy; accountIp: ThrottlePolicy; ip: ThrottlePolicy } {
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

/** A validated sign-in attempt and the throttle keys it is counted on. */
export interface SignInAttempt {
  email: string;
  password: string;
  clientIp?: string;
  userAgent?: string;
  keys: ReturnType<typeof throttleKeys>;
  policies: ReturnType<typeof throttlePolicies>;
}

/*
 * Signing in with email and password opens a session, in four steps the entry point runs in order:
 * `checkSignIn` → unit of work `countSignInAttempt` (committed before the password is checked) →
 * `verifySignIn` (bcrypt, outside any transaction) → unit of work `forgiveSignIn` → unit of work
 * `openSession`. Unknown email and wrong password are the same error and take the same time. The
 * attempt is counted first, atomically, on three keys (see domain/login-throttle): a hard lock on this
 * account from this client IP, or on this client IP, refuses it at once; the account-wide counter
 * never refuses — while it is over the limit every answer for the account waits
 * LOGIN_ACCOUNT_SLOWDOWN_MS — so guessing from some IPs cannot lock the owner out from another. A
 * disabled account is only reported once the password was right, so the answer never tells whether
 * an email is registered.
 */
export function checkSignIn(deps: AuthDeps, cmd: LoginCommand): SignInAttempt {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.presentedPassword('password', cmd.password);
  throwIfInvalid(check);
  return { ...cmd, email, password, keys: throttleKeys(email, cmd.clientIp), policies: throttlePolicies(deps) };
}

/**
 * Counts the attempt on its keys. A hard lock refuses it (AUTH.LOGIN_LOCKED) and, by rolling the unit
 * of work back, takes back what it counted on the other keys: a refused attempt is not a guess.
 * Returns whether the account-wide counter asks for the slow-down.
 */
export async function countSignInAttempt(uow: AuthUnitOfWork, attempt: SignInAttempt, now: Date): Promise<{ slowDown: boolean }> {
  const { keys, policies } = attempt;
  const verdicts = await uow.throttle.attempt(
    [
      { key: keys.account, policy: policies.account },
      { key: keys.accountIp, policy: policies.accountIp },
      ...(keys.ip ? [{ key: keys.ip, policy: policies.ip }] : []),
    ],
    now,
  );
  const hardLocks = [keys.accountIp, ...(keys.ip ? [keys.ip] : [])].map((k) => verdicts.get(k)!);
  const retryAfter = Math.max(0, ...hardLocks.map((v) => (v.allowed ? 0 : v.retryAfterSeconds)));
  if (retryAfter > 0) throw AuthErrors.loginLocked(retryAfter);
  return { slowDown: lockRemainingSeconds(verdicts.get(keys.account)!.state, now) > 0 };
}

/** Checks the password (bcrypt, outside any transaction); the same error and time for an unknown email. */
export async function verifySignIn(deps: AuthDeps, attempt: SignInAttempt, slowDown: boolean): Promise<UserWithSecret> {
  const user = await deps.units.read.users.findForLogin(attempt.email);
  const passwordOk = user
    ? await deps.hasher.verify(attempt.password, user.passwordHash)
    : await deps.hasher.verifyAgainstDummy(attempt.password);
  if (slowDown && deps.config.LOGIN_ACCOUNT_SLOWDOWN_MS > 0) {
    await new Promise((resolve) => setTimeout(resolve, deps.config.LOGIN_ACCOUNT_SLOWDOWN_MS));
  }
  if (!user || !passwordOk) {
    deps.logger.info({ user_id: user?.id, client_ip: attempt.clientIp }, 'sign-in failed');
    throw AuthErrors.invalidCredentials();
  }
  return user;
}

/** The right password: this account's counters start over; the shared IP is not charged for it. */
export async function forgiveSignIn(uow: AuthUnitOfWork, attempt: SignInAttempt): Promise<void> {
  await uow.throttle.reset(attempt.keys.account);
  await uow.throttle.reset(attempt.keys.accountIp);
  if (attempt.keys.ip) await uow.throttle.refund(attempt.keys.ip);
}

export interface OpenedSession {
  session: SessionRecord;
  user: User;
  refreshToken: string;
  /** Sessions revoked to keep the user within MAX_SESSIONS_PER_USER (their access tokens are marked after the commit). */
  evicted: string[];
}

/** Opens a session for a user whose password was right (a disabled account: AUTH.ACCOUNT_DISABLED). */
export async function openSession(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config'>,
  attempt: SignInAttempt,
  user: User,
  now: Date,
): Promise<OpenedSession> {
  if (!canSignIn(user)) throw AuthErrors.accountDisabled();
  const refreshToken = newOpaqueToken();
  const absoluteExpiresAt = addSeconds(now, deps.config.SESSION_ABSOLUTE_TTL_SECONDS);
  const expiresAt = earlier(addSeconds(now, deps.config.REFRESH_TOKEN_TTL_SECONDS), absoluteExpiresAt);
  // The user row first: it serialises concurrent sign-ins of one user, so the cap below holds.
  const updated = await uow.users.update(user.id, { lastLoginAt: now });
  const session = await uow.sessions.create({
    userId: user.id,
    now,
    expiresAt,
    absoluteExpiresAt,
    userAgent: attempt.userAgent ?? '',
    ip: attempt.clientIp ?? '',
  });
  await uow.sessions.addRefreshToken({ sessionId: session.id, tokenHash: hashOpaqueToken(refreshToken), now, expiresAt });
  const evicted = await uow.sessions.revokeBeyondCap(user.id, deps.config.MAX_SESSIONS_PER_USER, now);
  return { session, user: updated, refreshToken, evicted };
}
