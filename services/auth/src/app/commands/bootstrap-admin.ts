import { isUniqueViolation, withTransaction } from '@lms/kit/db';
import { userActivated, userRegistered, userRoleChanged, type DomainEvent } from '../../domain/auth.events';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { emit, throwIfInvalid } from '../shared';

export type BootstrapAction = 'created' | 'promoted' | 'reactivated' | 'promoted_and_reactivated' | 'unchanged';

/**
 * Makes sure an administrator with this email exists: creates it, or promotes and/or reactivates the
 * existing account (whose password is left as it is). Idempotent; the events are the same as when an
 * admin does it, with a null actor.
 */
export async function bootstrapAdmin(
  deps: AuthDeps,
  cmd: { email: string; password: string; fullName: string },
): Promise<{ action: BootstrapAction; userId: string; email: string }> {
  const check = new Checker();
  const email = check.email('ADMIN_EMAIL', cmd.email);
  const password = check.newPassword('ADMIN_PASSWORD', cmd.password);
  const fullName = check.fullName('ADMIN_FULL_NAME', cmd.fullName);
  throwIfInvalid(check);

  const run = () =>
    withTransaction(deps.sequelize, async (transaction) => {
      const existing = await deps.users.findByEmail(email, { transaction, forUpdate: true });
      const now = deps.clock();
      if (!existing) {
        const passwordHash = await deps.hasher.hash(password);
        const user = await deps.users.insert({ email, passwordHash, fullName, role: 'admin', emailVerified: true }, transaction);
        await emit(deps, transaction, userRegistered(user, null));
        return { action: 'created' as BootstrapAction, userId: user.id, email };
      }
      const events: DomainEvent<unknown>[] = [];
      const promote = existing.role !== 'admin';
      const reactivate = !existing.isActive;
      if (promote) events.push(userRoleChanged(existing.id, existing.role, 'admin', null, now));
      if (reactivate) events.push(userActivated(existing.id, null, now));
      if (events.length) {
        await deps.users.update(existing.id, { role: 'admin', isActive: true }, transaction);
        await emit(deps, transaction, ...events);
      }
      const action: BootstrapAction =
        promote && reactivate ? 'promoted_and_reactivated' : promote ? 'promoted' : reactivate ? 'reactivated' : 'unchanged';
      return { action, userId: existing.id, email };
    });
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) return run(); // created at the same moment by another run: now it exists
    throw err;
  }
}
