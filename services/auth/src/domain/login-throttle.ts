/**
 * Failed sign-in throttling, per key (an account's email or a client IP). After `maxFailures`
 * failures inside a window of `windowSeconds` the key is locked for `lockSeconds`; every further lock
 * within a day doubles, up to `maxLockSeconds`. Pure: the repository loads and stores the state.
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

export function throttleKeys(email: string, clientIp: string | undefined): { account: string; ip?: string } {
  return { account: `account:${email}`, ip: clientIp ? `ip:${clientIp.slice(0, 100)}` : undefined };
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
