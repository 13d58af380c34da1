import { isUniqueViolation, withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { userRegistered } from '../../domain/auth.events';
import type { User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { emit, requireAdmin, throwIfInvalid, type Caller } from '../shared';

export interface CreateUserCommand {
  email: string;
  password: string;
  fullName: string;
  /** Any role, admin included; "" means student. */
  role: string;
}

/** An administrator creates an account with any role; emits `user.registered` (created_by = the admin). */
export async function createUser(deps: AuthDeps, caller: Caller, cmd: CreateUserCommand): Promise<User> {
  requireAdmin(caller);
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.newPassword('password', cmd.password);
  const fullName = check.fullName('full_name', cmd.fullName);
  const role = cmd.role === '' ? 'student' : check.role('role', cmd.role);
  throwIfInvalid(check);

  const passwordHash = await deps.hasher.hash(password);
  try {
    return await withTransaction(deps.sequelize, async (transaction) => {
      const user = await deps.users.insert({ email, passwordHash, fullName, role: role! }, transaction);
      await emit(deps, transaction, userRegistered(user, caller.userId));
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw AuthErrors.emailTaken();
    throw err;
  }
}
