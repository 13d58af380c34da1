import { ADMIN_EDITABLE_FIELDS, type User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { requireAdmin, throwIfInvalid, type Caller } from '../shared';
import { applyAdminChange, type AdminChange } from './change-user';
import { checkFieldNames, profilePatch } from './update-me';

export interface UpdateUserCommand {
  userId: string;
  /** Which of the values below to apply: full_name, bio, avatar_url, role, is_active, email_verified. */
  fields: string[];
  fullName: string;
  bio: string;
  avatarUrl: string;
  role: string;
  isActive: boolean;
  emailVerified: boolean;
}

/** An administrator's partial update of any account, role and activation included. */
export async function updateUser(deps: AuthDeps, caller: Caller, cmd: UpdateUserCommand): Promise<User> {
  requireAdmin(caller);
  const check = new Checker();
  const userId = check.uuid('user_id', cmd.userId);
  checkFieldNames(check, cmd.fields, ADMIN_EDITABLE_FIELDS);
  const fields = new Set(cmd.fields);
  const change: AdminChange = { profile: profilePatch(check, cmd) };
  if (fields.has('role')) change.role = check.role('role', cmd.role);
  if (fields.has('is_active')) change.isActive = cmd.isActive;
  if (fields.has('email_verified')) change.profile!.emailVerified = cmd.emailVerified;
  throwIfInvalid(check);
  return applyAdminChange(deps, caller.userId, userId, change);
}

export async function activateUser(deps: AuthDeps, caller: Caller, cmd: { userId: string }): Promise<User> {
  requireAdmin(caller);
  const check = new Checker();
  const userId = check.uuid('user_id', cmd.userId);
  throwIfInvalid(check);
  return applyAdminChange(deps, caller.userId, userId, { isActive: true });
}

/** Deactivates an account: it cannot sign in and its sessions and access tokens stop working. */
export async function deactivateUser(deps: AuthDeps, caller: Caller, cmd: { userId: string }): Promise<User> {
  requireAdmin(caller);
  const check = new Checker();
  const userId = check.uuid('user_id', cmd.userId);
  throwIfInvalid(check);
  return applyAdminChange(deps, caller.userId, userId, { isActive: false });
}

/** Soft-deletes an account: deactivated, sessions revoked, hidden from every read. */
export async function deleteUser(deps: AuthDeps, caller: Caller, cmd: { userId: string }): Promise<void> {
  requireAdmin(caller);
  const check = new Checker();
  const userId = check.uuid('user_id', cmd.userId);
  throwIfInvalid(check);
  await applyAdminChange(deps, caller.userId, userId, { delete: true });
}
