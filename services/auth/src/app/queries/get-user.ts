import { AuthErrors } from '../../domain/auth.errors';
import type { User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { throwIfInvalid, type Caller } from '../shared';

/**
 * Reads one account: administrators see anyone, other users only themselves. Asking about someone
 * else as a non-admin answers NOT_FOUND (not PERMISSION_DENIED), so ids cannot be probed.
 */
export async function getUser(deps: AuthDeps, caller: Caller, query: { userId: string }): Promise<User> {
  const check = new Checker();
  const userId = check.uuid('user_id', query.userId);
  throwIfInvalid(check);
  if (caller.role !== 'admin' && caller.userId !== userId) throw AuthErrors.userNotFound();
  const user = await deps.units.read.users.findById(userId);
  if (!user) throw AuthErrors.userNotFound();
  return user;
}

export interface UserStats {
  userId: string;
  createdAt: Date;
  lastLoginAt: Date | null;
  activeSessions: number;
  role: User['role'];
  isActive: boolean;
  emailVerified: boolean;
}

/** Activity figures of one account (administrators: anyone; others: themselves, else NOT_FOUND). */
export async function getUserStats(deps: AuthDeps, caller: Caller, query: { userId: string }): Promise<UserStats> {
  const user = await getUser(deps, caller, query);
  const activeSessions = await deps.units.read.sessions.countActive(user.id, deps.clock());
  return {
    userId: user.id,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    activeSessions,
    role: user.role,
    isActive: user.isActive,
    emailVerified: user.emailVerified,
  };
}
