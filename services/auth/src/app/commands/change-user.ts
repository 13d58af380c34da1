import type { Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { userActivated, userDeactivated, userDeleted, userRoleChanged, type DomainEvent } from '../../domain/auth.events';
import { REVOCATION_REASONS } from '../../domain/tokens';
import { assertAdminMayChange, removesAnAdmin, type Role, type User } from '../../domain/user';
import type { UserPatch } from '../../infra/user.repository';
import type { AuthDeps } from '../deps';
import { emit, markSessionsRevoked, markUserTokensRevoked } from '../shared';

/** What an administrator changes on an account (already validated). */
export interface AdminChange {
  profile?: Pick<UserPatch, 'fullName' | 'bio' | 'avatarUrl' | 'emailVerified'>;
  role?: Role;
  isActive?: boolean;
  delete?: boolean;
}

/**
 * Applies an administrator's change to one account in one transaction: profile fields, role
 * (`user.role_changed`, the user's access tokens are refused so the new role applies at the next
 * refresh), activation (`user.activated`), deactivation and deletion (sessions revoked,
 * `user.deactivated` / `user.deleted`). Changes that could remove an administrator are serialised,
 * and refused when they would leave no active administrator.
 */
export async function applyAdminChange(
  deps: AuthDeps,
  actorId: string | null,
  userId: string,
  change: AdminChange,
): Promise<User> {
  const now = deps.clock();
  const result = await withTransaction(deps.sequelize, async (transaction) => {
    if (change.role !== undefined || change.isActive === false || change.delete) await lockAdminMembership(deps, transaction);
    const target = await deps.users.findById(userId, { transaction, forUpdate: true });
    if (!target) throw AuthErrors.userNotFound();

    const deactivate = change.isActive === false && target.isActive;
    const activate = change.isActive === true && !target.isActive;
    const roleChange = change.role !== undefined && change.role !== target.role ? change.role : undefined;
    const guard = { role: roleChange, deactivate, delete: change.delete };
    if (actorId) assertAdminMayChange(actorId, target, guard);
    if (removesAnAdmin(target, guard)) {
      const admins = await deps.users.lockActiveAdmins(transaction);
      if (!admins.some((id) => id !== target.id)) throw AuthErrors.lastAdmin();
    }

    const patch: UserPatch = { ...change.profile };
    const events: DomainEvent<unknown>[] = [];
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
      revoked = await deps.sessions.revokeAllOfUser(target.id, REVOCATION_REASONS.deleted, now, transaction);
      events.push(userDeleted(target.id, actorId, now));
    } else if (deactivate) {
      patch.isActive = false;
      revoked = await deps.sessions.revokeAllOfUser(target.id, REVOCATION_REASONS.deactivated, now, transaction);
      events.push(userDeactivated(target.id, actorId, now));
    }
    const user = Object.keys(patch).length ? await deps.users.update(target.id, patch, transaction) : target;
    await emit(deps, transaction, ...events);
    return { user, revoked, roleChanged: !!roleChange };
  });

  await markSessionsRevoked(deps, result.revoked);
  if (result.roleChanged) await markUserTokensRevoked(deps, userId, now);
  return result.user;
}

/** Serialises every change that may remove an administrator (so two admins cannot demote each other at once). */
async function lockAdminMembership(deps: AuthDeps, transaction: Transaction): Promise<void> {
  await deps.sequelize.query("SELECT pg_advisory_xact_lock(hashtext('lms.auth.admin_membership'))", {
    transaction,
    type: QueryTypes.SELECT,
  });
}
