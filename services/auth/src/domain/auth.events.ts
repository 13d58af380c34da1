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

/**
 * A user's email and/or full name changed (by the user or by an admin); a field is absent when unchanged.
 * `sealed_previous_email` (only with `email`): the old address sealed for auth's own mail consumer, which
 * sends it the "your email address was changed" notice; other subscribers never see it in clear.
 */
export interface UserProfileChangedV1 {
  user_id: string;
  email?: string;
  full_name?: string;
  sealed_previous_email?: string;
  /** The admin who changed it, or the user themself. */
  changed_by: string | null;
  changed_at: string;
}

export function userProfileChanged(
  userId: string,
  change: { email?: string; fullName?: string; sealedPreviousEmail?: string },
  changedBy: string | null,
  at: Date,
): DomainEvent<UserProfileChangedV1> {
  const data: UserProfileChangedV1 = { user_id: userId, changed_by: changedBy, changed_at: at.toISOString() };
  if (change.email !== undefined) {
    data.email = change.email;
    data.sealed_previous_email = change.sealedPreviousEmail;
  }
  if (change.fullName !== undefined) data.full_name = change.fullName;
  return { type: 'user.profile_changed', subject: userId, time: at, data };
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

/**
 * A one-time token was issued and must reach the user by email. `sealed_token` is the raw token sealed
 * (AES-256-GCM) for auth's own mail consumer: other subscribers see that a request happened, never the token.
 */
export interface OneTimeTokenRequestedV1 {
  user_id: string;
  sealed_token: string;
  expires_at: string;
  requested_at: string;
}

/** A spent refresh token was presented again: the session (token family) was revoked as stolen. */
export interface RefreshTokenReusedV1 {
  user_id: string;
  session_id: string;
  /** The address that presented the spent token, when known. */
  client_ip: string | null;
  detected_at: string;
}

export function passwordResetRequested(userId: string, sealedToken: string, expiresAt: Date, at: Date): DomainEvent<OneTimeTokenRequestedV1> {
  return oneTimeTokenRequested('password_reset.requested', userId, sealedToken, expiresAt, at);
}

export function emailVerificationRequested(userId: string, sealedToken: string, expiresAt: Date, at: Date): DomainEvent<OneTimeTokenRequestedV1> {
  return oneTimeTokenRequested('email_verification.requested', userId, sealedToken, expiresAt, at);
}

function oneTimeTokenRequested(type: string, userId: string, sealedToken: string, expiresAt: Date, at: Date): DomainEvent<OneTimeTokenRequestedV1> {
  return {
    type,
    subject: userId,
    time: at,
    data: { user_id: userId, sealed_token: sealedToken, expires_at: expiresAt.toISOString(), requested_at: at.toISOString() },
  };
}

export function refreshTokenReused(userId: string, sessionId: string, clientIp: string | undefined, at: Date): DomainEvent<RefreshTokenReusedV1> {
  return {
    type: 'refresh_token.reused',
    subject: userId,
    time: at,
    data: { user_id: userId, session_id: sessionId, client_ip: clientIp || null, detected_at: at.toISOString() },
  };
}
