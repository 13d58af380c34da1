import type { AuthDeps, AuthUnitOfWork } from '../deps';

/** Ended sessions, spent tokens and stale throttle counters are kept this long (for support and audit). */
export const RETENTION_DAYS = 30;

/**
 * Deletes what can no longer matter: sessions that ended (expired or revoked) more than
 * RETENTION_DAYS ago with their refresh tokens, expired refresh tokens, used or expired one-time
 * tokens, and throttle counters untouched for a day. Safe to run on every replica at once.
 */
export async function pruneExpiredData(uow: AuthUnitOfWork, now: Date): Promise<Record<string, number>> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  return {
    sessions: await uow.sessions.pruneEnded(cutoff),
    refresh_tokens: await uow.sessions.pruneSpentTokens(cutoff),
    one_time_tokens: await uow.oneTimeTokens.prune(cutoff),
    login_throttle: await uow.throttle.prune(now),
  };
}

/** The hourly housekeeping job (it owns its unit of work, as an entry point does). */
export async function pruneExpired(deps: AuthDeps): Promise<Record<string, number>> {
  const result = await deps.units.run((uow) => pruneExpiredData(uow, deps.clock()));
  if (Object.values(result).some((n) => n > 0)) deps.logger.info(result, 'expired auth data pruned');
  return result;
}
