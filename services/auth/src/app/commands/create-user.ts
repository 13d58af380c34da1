import type { User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { NewUser } from '../../infra/user.repository';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { requireAdmin, throwIfInvalid, type Caller } from '../shared';
import { register } from './register';

export interface CreateUserCommand {
  email: string;
  password: string;
  fullName: string;
  /** Any role, admin included; "" means student. */
  role: string;
}

/** An administrator creates an account with any role; before the unit of work: checks and the password hash. */
export async function prepareCreateUser(deps: AuthDeps, caller: Caller, cmd: CreateUserCommand): Promise<NewUser> {
  requireAdmin(caller);
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.newPassword('password', cmd.password);
  const fullName = check.fullName('full_name', cmd.fullName);
  const role = cmd.role === '' ? 'student' : check.role('role', cmd.role);
  throwIfInvalid(check);
  return { email, passwordHash: await deps.hasher.hash(password), fullName, role: role! };
}

/** Creates the account; `user.registered` names the admin as created_by. */
export function createUser(uow: AuthUnitOfWork, caller: Caller, account: NewUser): Promise<User> {
  return register(uow, account, caller.userId);
}
