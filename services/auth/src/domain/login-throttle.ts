/**
 * Failed sign-in throttling, per key. After `maxFailures` failures inside a window of `windowSeconds`
 * the key is locked for `lockSeconds`; every further lock within a day doubles, up to `maxLockSeconds`.
 * Pure: the repository loads and stores the state.
 *
 * Keys (issue 10 A4 — nobody can lock someone else out):
 * - `account_ip:<email>|<ip>` — hard lock: refuses even the right password, but only from that client IP;
 * - `ip:<ip>` — hard lock of one client IP across accounts (password spraying);
 * - `account:<email>` — account-wide, never refuses: while it is "locked" (many failures from anywhere)
 *   every answer for the account is slowed down; its lock does not double (minutes, not a day);
 * - `change_password:<user id>` — wrong current passwords on ChangePassword (hard, the caller's account).
 * Every attempt is counted before the password is checked (atomically, see `registerAttempt`), so
 * parallel guesses cannot all slip past the limit; a successful attempt resets or refunds its count.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  lockCount: number;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
  maxLockSeconds: number;
}

/** A lock is forgotten (no more doubling) once this long has passed since it ended. */
export const LOCK_MEMORY_SECONDS = 86_400;

export function throttleKeys(
  email: string,
  clientIp: string | undefined,
): { account: string; accountIp: string; ip?: string } {
  const ip = clientIp ? clientIp.slice(0, 100) : '';
  return { account: `account:${email}`, accountIp: `${accountIpPrefix(email)}${ip}`, ip: ip ? `ip:${ip}` : undefined };
}

/** Every account+IP key of an account starts with this (a password reset lifts them all). */
export function accountIpPrefix(email: string): string {
  return `account_ip:${email}|`;
}

export function changePasswordKey(userId: string): string {
  return `change_password:${userId}`;
}

export type AttemptVerdict =
  | { allowed: true; state: ThrottleState; lockedNow: boolean }
  | { allowed: false; state: ThrottleState | null; retryAfterSeconds: number };

/**
 * One attempt on a key, counted before its outcome is known: a locked key refuses it (uncounted);
 * otherwise it counts as a failure until the caller resets/refunds it on success. The attempt that
 * reaches the limit is still allowed (it is the last one checked) and locks the key for the next ones.
 */
export function registerAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): AttemptVerdict {
  const retryAfterSeconds = lockRemainingSeconds(state, now);
  if (retryAfterSeconds > 0) return { allowed: false, state, retryAfterSeconds };
  const next = recordFailure(state, now, policy);
  return { allowed: true, state: next.state, lockedNow: next.lockedNow };
}

/** Whole seconds until the key unlocks; 0 when it is not locked. */
export function lockRemainingSeconds(state: Pick<ThrottleState, 'lockedUntil'> | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export function recordFailure(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): { state: ThrottleState; lockedNow: boolean } {
  let next: ThrottleState;
  if (!state) {
    next = { failures: 1, windowStartedAt: now, lockedUntil: null, lockCount: 0 };
  } else {
    const windowOver = now.getTime() - state.windowStartedAt.getTime() >= policy.windowSeconds * 1000;
    const lockForgotten =
      state.lockedUntil !== null && now.getTime() - state.lockedUntil.getTime() >= LOCK_MEMORY_SECONDS * 1000;
    next = {
      failures: windowOver ? 1 : state.failures + 1,
      windowStartedAt: windowOver ? now : state.windowStartedAt,
      lockedUntil: state.lockedUntil,
      lockCount: lockForgotten ? 0 : state.lockCount,
    };
  }
  if (next.failures < policy.maxFailures) return { state: next, lockedNow: false };
  const seconds = Math.min(policy.maxLockSeconds, policy.lockSeconds * 2 ** Math.min(next.lockCount, 20));
  return {
    state: {
      failures: 0,
      windowStartedAt: now,
      lockedUntil: new Date(now.getTime() + seconds * 1000),
      lockCount: next.lockCount + 1,
    },
    lockedNow: true,
  };
}
