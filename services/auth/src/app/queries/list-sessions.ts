import type { SessionRecord } from '../../infra/session.repository';
import type { AuthDeps } from '../deps';
import type { Caller } from '../shared';

/** The caller's live sessions (not revoked, not expired), most recently used first; `current` marks this one. */
export type SessionView = SessionRecord & { current: boolean };

export async function listSessions(deps: AuthDeps, caller: Caller): Promise<SessionView[]> {
  const sessions = await deps.units.read.sessions.listActive(caller.userId, deps.clock(), deps.config.MAX_SESSIONS_PER_USER);
  return sessions.map((s) => ({ ...s, current: s.id === caller.sessionId }));
}
