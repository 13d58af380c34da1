import type { DomainEvent } from '@lms/kit/events';
import type { Role, User } from './user';

/**
 * The facts the auth service publishes (documented in protos/events/README.md, section "auth").
 * Builders are pure: the unit of work wraps them in a CloudEvents envelope and writes them to the outbox.
 */
export const EVENT_SOURCE = 'lms/auth';

export interface UserRegisteredV1 {
  user_id: string;
  email: string;
  full_name: string;
  role: Role;
  registered_at: string;
  /** The admin who created the account; null for self-registration and the bootstrap command. */
  created_by: string | null;
}

export interface UserRoleChangedV1 {
  user_id: string;
  old_role: Role;
  new_role: Role;
  /** The admin who changed it; null when done by the bootstrap command. */
  changed_by: string | null;
  at: string;
}

export interface UserDeactivatedV1 {
  user_id: string;
  deactivated_by: string | null;
  at: string;
}

export interface UserActivatedV1 {
  user_id: string;
  activated_by: string | null;
  at: string;
}

export interface UserDeletedV1 {
  user_id: string;
  deleted_by: string | null;
  at: string;
}

export function userRegistered(user: User, createdBy: string | null): DomainEvent<UserRegisteredV1> {
  return {
    type: 'user.registered',
    subject: user.id,
    time: user.createdAt,
    data: {
      user_id: user.id,
      email: user.email,
      full_name: user.fullName,
      role: user.role,
      registered_at: user.createdAt.toISOString(),
      created_by: createdBy,
    },
  };
}

export function userRoleChanged(
  userId: string,
  oldRole: Role,
  newRole: Role,
  changedBy: string | null,
  at: Date,
): DomainEvent<UserRoleChangedV1> {
  return {
    type: 'user.role_changed',
    subject: userId,
    time: at,
    data: { user_id: userId, old_role: oldRole, new_role: newRole, changed_by: changedBy, at: at.toISOString() },
  };
}

export function userDeactivated(userId: string, by: string | null, at: Date): DomainEvent<UserDeactivatedV1> {
  return {
    type: 'user.deactivated',
    subject: userId,
    time: at,
    data: { user_id: userId, deactivated_by: by, at: at.toISOString() },
  };
}

export function userActivated(userId: string, by: string | null, at: Date): DomainEvent<UserActivatedV1> {
  return {
    type: 'user.activated',
    subject: userId,
    time: at,
    data: { user_id: userId, activated_by: by, at: at.toISOString() },
  };
}

export function userDeleted(userId: string, by: string | null, at: Date): DomainEvent<UserDeletedV1> {
  return {
    type: 'user.deleted',
    subject: userId,
    time: at,
    data: { user_id: userId, deleted_by: by, at: at.toISOString() },
  };
}
