import { isUniqueViolation, withTransaction } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { userRegistered } from '../../domain/auth.events';
import { signupRole, type User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { emit, throwIfInvalid } from '../shared';

export interface RegisterCommand {
  email: string;
  password: string;
  fullName: string;
  /** "" or "student"; "instructor" only when the deployment allows it; never "admin". */
  role: string;
}

/** Public sign-up: creates the account and emits `user.registered` in the same transaction. */
export async function register(deps: AuthDeps, cmd: RegisterCommand): Promise<User> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.newPassword('password', cmd.password);
  const fullName = check.fullName('full_name', cmd.fullName);
  throwIfInvalid(check);
  const role = signupRole(cmd.role, deps.config.ALLOW_INSTRUCTOR_SIGNUP);

  const passwordHash = await deps.hasher.hash(password);
  try {
    return await withTransaction(deps.sequelize, async (transaction) => {
      const user = await deps.users.insert({ email, passwordHash, fullName, role }, transaction);
      await emit(deps, transaction, userRegistered(user, null));
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw AuthErrors.emailTaken();
    throw err;
  }
}
