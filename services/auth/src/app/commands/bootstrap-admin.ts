import type { DomainEvent } from '@lms/kit/events';
import { userActivated, userRegistered, userRoleChanged } from '../../domain/auth.events';
import { Checker } from '../../domain/validation';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { throwIfInvalid } from '../shared';

export type BootstrapAction = 'created' | 'promoted' | 'reactivated' | 'promoted_and_reactivated' | 'unchanged';

export interface BootstrapAdminInput {
  email: string;
  fullName: string;
  /** Hashed before the unit of work (used only when the account is created). */
  passwordHash: string;
}

/** Before the unit of work: validates the command-line input and hashes the password. */
export async function prepareBootstrapAdmin(
  deps: AuthDeps,
  cmd: { email: string; password: string; fullName: string },
): Promise<BootstrapAdminInput> {
  const check = new Checker();
  const email = check.email('ADMIN_EMAIL', cmd.email);
  const password = check.newPassword('ADMIN_PASSWORD', cmd.password);
  const fullName = check.fullName('ADMIN_FULL_NAME', cmd.fullName);
  throwIfInvalid(check);
  return { email, fullName, passwordHash: await deps.hasher.hash(password) };
}

/**
 * Makes sure an administrator with this email exists: creates it, or promotes and/or reactivates the
 * existing account (whose password is left as it is). Idempotent; the events are the same as when an
 * admin does it, with a null actor. Two runs creating the account at once: one fails with a unique
 * violation, and running it again finds the account.
 */
export async function bootstrapAdmin(
  uow: AuthUnitOfWork,
  input: BootstrapAdminInput,
  now: Date,
): Promise<{ action: BootstrapAction; userId: string; email: string }> {
  const { email, fullName, passwordHash } = input;
  const existing = await uow.users.findByEmail(email, { forUpdate: true });
  if (!existing) {
    const user = await uow.users.insert({ email, passwordHash, fullName, role: 'admin', emailVerified: true });
    await uow.emit(userRegistered(user, null));
    return { action: 'created', userId: user.id, email };
  }
  const events: DomainEvent[] = [];
  const promote = existing.role !== 'admin';
  const reactivate = !existing.isActive;
  if (promote) events.push(userRoleChanged(existing.id, existing.role, 'admin', null, now));
  if (reactivate) events.push(userActivated(existing.id, null, now));
  if (events.length) {
    await uow.users.update(existing.id, { role: 'admin', isActive: true });
    await uow.emit(...events);
  }
  const action: BootstrapAction =
    promote && reactivate ? 'promoted_and_reactivated' : promote ? 'promoted' : reactivate ? 'reactivated' : 'unchanged';
  return { action, userId: existing.id, email };
}
