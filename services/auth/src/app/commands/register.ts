import { isUniqueViolation } from '@lms/kit/db';
import { AuthErrors } from '../../domain/auth.errors';
import { userRegistered } from '../../domain/auth.events';
import { signupRole, type User } from '../../domain/user';
import { Checker } from '../../domain/validation';
import type { NewUser } from '../../infra/user.repository';
import type { AuthDeps, AuthUnitOfWork } from '../deps';
import { throwIfInvalid } from '../shared';
import { issueEmailVerification } from './email-verification';

export interface RegisterCommand {
  email: string;
  password: string;
  fullName: string;
  /** "" or "student"; "instructor" only when the deployment allows it; never "admin". */
  role: string;
}

/** Public sign-up, before the unit of work: validates and hashes the password (bcrypt is slow; no transaction waits for it). */
export async function prepareRegistration(deps: AuthDeps, cmd: RegisterCommand): Promise<NewUser> {
  const check = new Checker();
  const email = check.email('email', cmd.email);
  const password = check.newPassword('password', cmd.password);
  const fullName = check.fullName('full_name', cmd.fullName);
  throwIfInvalid(check);
  const role = signupRole(cmd.role, deps.config.ALLOW_INSTRUCTOR_SIGNUP);
  return { email, passwordHash: await deps.hasher.hash(password), fullName, role };
}

/**
 * Creates the account and emits `user.registered` in the same unit of work (`createdBy`: the admin
 * who created it, null for self-registration). A taken email is AUTH.EMAIL_TAKEN.
 */
export async function register(uow: AuthUnitOfWork, account: NewUser, createdBy: string | null = null): Promise<User> {
  try {
    const user = await uow.users.insert(account);
    await uow.emit(userRegistered(user, createdBy));
    return user;
  } catch (err) {
    if (isUniqueViolation(err)) throw AuthErrors.emailTaken();
    throw err;
  }
}

/**
 * Self-registration: the account, `user.registered`, and a verification token whose email auth's mail
 * consumer sends after the commit (`email_verification.requested`), all in one unit of work.
 */
export async function signUp(
  uow: AuthUnitOfWork,
  deps: Pick<AuthDeps, 'config' | 'logger' | 'sealer'>,
  account: NewUser,
  now: Date,
): Promise<User> {
  const user = await register(uow, account);
  await issueEmailVerification(uow, deps, user.id, now);
  return user;
}
