import { SELF_EDITABLE_FIELDS, type User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { UserPatch } from '../../infra/user.repository';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { loadSelf, throwIfInvalid, type Caller } from '../shared';
import { emitProfileChanged } from './profile-changed';

export interface UpdateProfileCommand {
  /** Which of the values below to apply (partial update). */
  fields: string[];
  fullName: string;
  bio: string;
  avatarUrl: string;
  phone: string;
}

/** Validates the named profile fields into a patch (shared with the admin's update). */
export function profilePatch(check: Checker, cmd: UpdateProfileCommand): UserPatch {
  const patch: UserPatch = {};
  const fields = new Set(cmd.fields);
  if (fields.has('full_name')) patch.fullName = check.fullName('full_name', cmd.fullName);
  if (fields.has('bio')) patch.bio = check.bio('bio', cmd.bio);
  if (fields.has('avatar_url')) patch.avatarUrl = check.avatarUrl('avatar_url', cmd.avatarUrl);
  if (fields.has('phone')) patch.phone = check.phone('phone', cmd.phone);
  return patch;
}

export function checkFieldNames(check: Checker, fields: string[], allowed: readonly string[]): void {
  if (fields.length > 20) {
    check.add('fields', 'lists too many fields');
    return;
  }
  for (const name of fields) {
    if (!allowed.includes(name)) check.add('fields', `unknown or read-only field "${String(name).slice(0, 50)}"; allowed: ${allowed.join(', ')}`);
  }
}

/** The field checks of `updateMe`, also run by the entry point before an email change's password check. */
export function checkUpdateMe(cmd: UpdateProfileCommand): UserPatch {
  const check = new Checker();
  checkFieldNames(check, cmd.fields, SELF_EDITABLE_FIELDS);
  const patch = profilePatch(check, cmd);
  throwIfInvalid(check);
  return patch;
}

/**
 * The caller edits their own profile (name, bio, avatar, phone). A new email is applied by
 * `changeOwnEmail` (change-own-email.ts) in the same unit of work, after its password check.
 * A new full name is `user.profile_changed`.
 */
export async function updateMe(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'sealer'>,
  caller: Caller,
  cmd: UpdateProfileCommand,
  now: Date,
): Promise<User> {
  const patch = checkUpdateMe(cmd);
  const self = await loadSelf(uow, caller);
  if (Object.keys(patch).length === 0) return self;
  const user = await uow.users.update(self.id, patch);
  await emitProfileChanged(uow, deps, self, user, self.id, now);
  return user;
}
