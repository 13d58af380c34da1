import { isUniqueViolation } from '@lms/kit/db';
import type { DomainEvent } from '@lms/kit/events';
import { AuthErrors } from '../../domain/auth.errors';
import { userActivated, userDeactivated, userDeleted, userRoleChanged } from '../../domain/auth.events';
import { REVOCATION_REASONS } from '../../domain/tokens';
import { assertAdminMayChange, removesAnAdmin, type Role, type User } from '../../domain/user';
import type { UserPatch } from '../../infra/user.repository';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { markSessionsRevoked, markUserTokensRevoked } from '../shared';
import { emitProfileChanged } from './profile-changed';

/** What an administrator changes on an account (already validated). */
export interface AdminChange {
  profile?: Pick<UserPatch, 'fullName' | 'bio' | 'avatarUrl' | 'phone' | 'emailVerified'>;
  /** A new address: unverified afterwards unless `profile.emailVerified` says otherwise. */
  email?: string;
  role?: Role;
  isActive?: boolean;
  delete?: boolean;
}

/** The committed change, and what the entry point must revoke in Redis after the commit. */
export interface AppliedChange {
  user: User;
  revoked: string[];
  roleChanged: boolean;
  at: Date;
}

/**
 * Applies an administrator's change to one account in one unit of work: profile fields, role
 * (`user.role_changed`, the user's access tokens are refused so the new role applies at the next
 * refresh), activation (`user.activated`), deactivation and deletion (sessions revoked,
 * `user.deactivated` / `user.deleted`). Changes that could remove an administrator are serialised,
 * and refused when they would leave no active administrator. A new email or full name is
 * `user.profile_changed` (the old address sealed for the change notice).
 */
export async function applyAdminChange(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'sealer'>,
  actorId: string | null,
  userId: string,
  change: AdminChange,
  now: Date,
): Promise<AppliedChange> {
  if (change.role !== undefined || change.isActive === false || change.delete) await uow.users.lockAdminMembership();
  const target = await uow.users.findById(userId, { forUpdate: true });
  if (!target) throw AuthErrors.userNotFound();

  const deactivate = change.isActive === false && target.isActive;
  const activate = change.isActive === true && !target.isActive;
  const roleChange = change.role !== undefined && change.role !== target.role ? change.role : undefined;
  const guard = { role: roleChange, deactivate, delete: change.delete };
  if (actorId) assertAdminMayChange(actorId, target, guard);
  if (removesAnAdmin(target, guard)) {
    const admins = await uow.users.lockActiveAdmins();
    if (!admins.some((id) => id !== target.id)) throw AuthErrors.lastAdmin();
  }

  const patch: UserPatch = { ...change.profile };
  const events: DomainEvent[] = [];
  if (roleChange) {
    patch.role = roleChange;
    patch.roleChangedAt = now;
    events.push(userRoleChanged(target.id, target.role, roleChange, actorId, now));
  }
  if (activate) {
    patch.isActive = true;
    events.push(userActivated(target.id, actorId, now));
  }
  let revoked: string[] = [];
  if (change.delete) {
    patch.deletedAt = now;
    patch.isActive = false;
    revoked = await uow.sessions.revokeAllOfUser(target.id, REVOCATION_REASONS.deleted, now);
    events.push(userDeleted(target.id, actorId, now));
  } else if (deactivate) {
    patch.isActive = false;
    revoked = await uow.sessions.revokeAllOfUser(target.id, REVOCATION_REASONS.deactivated, now);
    events.push(userDeactivated(target.id, actorId, now));
  }
  if (change.email !== undefined && change.email !== target.email) {
    patch.email = change.email;
    patch.emailVerified ??= false;
  }
  const user = Object.keys(patch).length ? await updateUser(uow, target.id, patch) : target;
  await uow.emit(...events);
  await emitProfileChanged(uow, deps, target, user, actorId, now);
  return { user, revoked, roleChanged: !!roleChange, at: now };
}

/** A taken address (another live account's) is AUTH.EMAIL_TAKEN. */
export async function updateUser(uow: AuthUnitOfWork, userId: string, patch: UserPatch): Promise<User> {
  try {
    return await uow.users.update(userId, patch);
  } catch (err) {
    if (isUniqueViolation(err)) throw AuthErrors.emailTaken();
    throw err;
  }
}

/** After the commit: the revoked sessions' access tokens, and on a role change every older token of the user. */
export async function revokeAfterAdminChange(deps: AuthDeps, applied: AppliedChange): Promise<User> {
  await markSessionsRevoked(deps, applied.revoked);
  if (applied.roleChanged) await markUserTokensRevoked(deps, applied.user.id, applied.at);
  return applied.user;
}
