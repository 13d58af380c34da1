import { ROLES, type Role } from '@lms/kit/auth';
import { AuthErrors } from './auth.errors';

export { ROLES, type Role };

/** A user as the service sees it (the password hash never leaves infra/app). */
export interface User {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  isActive: boolean;
  emailVerified: boolean;
  bio: string;
  avatarUrl: string;
  /** "" = none. */
  phone: string;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
  deletedAt: Date | null;
  roleChangedAt: Date | null;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

/** What any signed-in user may see about another. */
export interface PublicProfile {
  id: string;
  fullName: string;
  bio: string;
  avatarUrl: string;
  role: Role;
}

export function publicProfile(user: User): PublicProfile {
  return { id: user.id, fullName: user.fullName, bio: user.bio, avatarUrl: user.avatarUrl, role: user.role };
}

export function canSignIn(user: User): boolean {
  return user.isActive && user.deletedAt === null;
}

/**
 * The role a public sign-up gets: student by default, instructor only when the deployment allows it,
 * never admin (admins are created by an admin or by the bootstrap command).
 * Unknown roles are a validation problem and are reported by the caller's Checker.
 */
export function signupRole(requested: string, allowInstructorSignup: boolean): Role {
  if (requested === '' || requested === 'student') return 'student';
  if (requested === 'instructor') {
    if (allowInstructorSignup) return 'instructor';
    throw AuthErrors.roleNotAllowedForSignup();
  }
  if (requested === 'admin') throw AuthErrors.roleNotAllowedForSignup();
  throw AuthErrors.validation([{ loc: ['role'], msg: 'must be one of student, instructor' }]);
}

/** Fields a user may change on their own profile, and those an admin may change on anyone's. */
export const SELF_EDITABLE_FIELDS = ['full_name', 'bio', 'avatar_url', 'phone', 'email'] as const;
export const ADMIN_EDITABLE_FIELDS = ['full_name', 'bio', 'avatar_url', 'phone', 'email', 'role', 'is_active', 'email_verified'] as const;
export type AdminEditableField = (typeof ADMIN_EDITABLE_FIELDS)[number];

/**
 * Guards an admin's change to a user so the system never loses its administrators:
 * an admin cannot demote, deactivate or delete themselves.
 */
export function assertAdminMayChange(
  actorId: string,
  target: Pick<User, 'id' | 'role'>,
  change: { role?: Role; deactivate?: boolean; delete?: boolean },
): void {
  if (actorId !== target.id) return;
  if (change.delete) throw AuthErrors.cannotDeleteSelf();
  if (change.deactivate) throw AuthErrors.cannotDeactivateSelf();
  if (change.role !== undefined && change.role !== target.role) throw AuthErrors.cannotDemoteSelf();
}

/** True when the change removes `target` from the set of active administrators. */
export function removesAnAdmin(
  target: Pick<User, 'role' | 'isActive' | 'deletedAt'>,
  change: { role?: Role; deactivate?: boolean; delete?: boolean },
): boolean {
  const isActiveAdmin = target.role === 'admin' && target.isActive && target.deletedAt === null;
  if (!isActiveAdmin) return false;
  return !!change.delete || !!change.deactivate || (change.role !== undefined && change.role !== 'admin');
}
