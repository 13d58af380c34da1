import { ADMIN_EDITABLE_FIELDS } from '../../domain/user';
import { Checker } from '../../domain/validation';
import { requireAdmin, throwIfInvalid, type Caller } from '../shared';
import type { AdminChange } from './change-user';
import { checkFieldNames, profilePatch } from './update-me';

/*
 * The administrators' account changes, checked here before the unit of work; the entry point applies
 * them with `applyAdminChange` (change-user.ts) and revokes tokens after the commit.
 */

export interface UpdateUserCommand {
  userId: string;
  /** Which of the values below to apply: full_name, bio, avatar_url, phone, email, role, is_active, email_verified. */
  fields: string[];
  fullName: string;
  bio: string;
  avatarUrl: string;
  role: string;
  isActive: boolean;
  emailVerified: boolean;
  phone: string;
  email: string;
}

export interface CheckedAdminChange {
  userId: string;
  change: AdminChange;
}

/** An administrator's partial update of any account, role and activation included. */
export function checkUpdateUser(caller: Caller, cmd: UpdateUserCommand): CheckedAdminChange {
  requireAdmin(caller);
  const check = new Checker();
  const userId = check.uuid('user_id', cmd.userId);
  checkFieldNames(check, cmd.fields, ADMIN_EDITABLE_FIELDS);
  const fields = new Set(cmd.fields);
  const change: AdminChange = { profile: profilePatch(check, cmd) };
  if (fields.has('role')) change.role = check.role('role', cmd.role);
  if (fields.has('is_active')) change.isActive = cmd.isActive;
  if (fields.has('email')) change.email = check.email('email', cmd.email);
  if (fields.has('email_verified')) change.profile!.emailVerified = cmd.emailVerified;
  throwIfInvalid(check);
  return { userId, change };
}

/**
 * Activation (`activate`), deactivation (`deactivate`: the account cannot sign in and its sessions and
 * access tokens stop working) and soft deletion (`delete`: deactivated, sessions revoked, hidden from
 * every read) of one account.
 */
export function checkAccountChange(caller: Caller, cmd: { userId: string }, kind: 'activate' | 'deactivate' | 'delete'): CheckedAdminChange {
  requireAdmin(caller);
  const check = new Checker();
  const userId = check.uuid('user_id', cmd.userId);
  throwIfInvalid(check);
  const change: AdminChange = kind === 'delete' ? { delete: true } : { isActive: kind === 'activate' };
  return { userId, change };
}
