import {
  AppError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
  type FieldError,
} from '@lms/kit/errors';

/**
 * A refused refresh, with the seed's `should_logout` (its TokenError): true when the session is over and
 * the client must sign in again; false only for a lost race between tabs (the session lives on).
 */
function refreshRefused(message: string, code: string, shouldLogout: boolean): AppError {
  return new AppError('unauthenticated', message, { code, meta: { should_logout: shouldLogout } });
}

/**
 * Every refusal of the auth service, with its stable code. The kit maps the kind to a gRPC status
 * once; the gateway maps that to HTTP once. Messages are safe to show to the caller.
 */
export const AuthErrors = {
  validation: (fields: FieldError[]) => new ValidationError('The request is invalid', fields),
  emailTaken: () => new ConflictError('An account with this email already exists', 'AUTH.EMAIL_TAKEN'),
  roleNotAllowedForSignup: () =>
    new PermissionDeniedError('This role cannot be chosen when signing up', 'AUTH.ROLE_NOT_ALLOWED'),
  invalidCredentials: () => new UnauthenticatedError('Invalid email or password', 'AUTH.INVALID_CREDENTIALS'),
  accountDisabled: () => new PermissionDeniedError('This account is disabled', 'AUTH.ACCOUNT_DISABLED'),
  loginLocked: (retryAfterSeconds: number) =>
    new RateLimitedError('Too many failed sign-in attempts, try again later', retryAfterSeconds, 'AUTH.LOGIN_LOCKED'),
  passwordChangeLocked: (retryAfterSeconds: number) =>
    new RateLimitedError('Too many wrong current passwords, try again later', retryAfterSeconds, 'AUTH.PASSWORD_CHANGE_LOCKED'),
  refreshInvalid: () => refreshRefused('The refresh token is invalid or expired', 'AUTH.REFRESH_INVALID', true),
  refreshSuperseded: () =>
    refreshRefused(
      'This refresh token was just rotated by a concurrent request; use the newest refresh token',
      'AUTH.REFRESH_SUPERSEDED',
      false,
    ),
  refreshReused: () =>
    refreshRefused('This refresh token was already used; the session has been revoked for safety', 'AUTH.REFRESH_REUSED', true),
  refreshMaxRotations: () =>
    refreshRefused('Maximum token rotations reached. Please login again.', 'AUTH.REFRESH_MAX_ROTATIONS', true),
  sessionInvalid: () => new UnauthenticatedError('The session is no longer valid', 'AUTH.SESSION_INVALID'),
  userNotFound: () => new NotFoundError('User not found', 'AUTH.USER_NOT_FOUND'),
  adminOnly: () => new PermissionDeniedError('Only administrators can do this', 'AUTH.ADMIN_REQUIRED'),
  wrongCurrentPassword: () =>
    new ValidationError('The current password is wrong', [{ loc: ['current_password'], msg: 'is wrong' }], 'AUTH.WRONG_PASSWORD'),
  samePassword: () =>
    new ValidationError(
      'The new password must differ from the current one',
      [{ loc: ['new_password'], msg: 'must differ from the current password' }],
      'AUTH.PASSWORD_UNCHANGED',
    ),
  resetTokenInvalid: () =>
    new ValidationError('The reset token is invalid or was already used', [{ loc: ['token'], msg: 'is invalid' }], 'AUTH.RESET_TOKEN_INVALID'),
  resetTokenExpired: () =>
    new ValidationError('The reset token has expired', [{ loc: ['token'], msg: 'has expired' }], 'AUTH.RESET_TOKEN_EXPIRED'),
  verificationTokenInvalid: () =>
    new ValidationError(
      'The verification token is invalid or was already used',
      [{ loc: ['token'], msg: 'is invalid' }],
      'AUTH.VERIFICATION_TOKEN_INVALID',
    ),
  verificationTokenExpired: () =>
    new ValidationError(
      'The verification token has expired',
      [{ loc: ['token'], msg: 'has expired' }],
      'AUTH.VERIFICATION_TOKEN_EXPIRED',
    ),
  emailAlreadyVerified: () => new PreconditionError('The email address is already verified', 'AUTH.EMAIL_ALREADY_VERIFIED'),
  cannotDemoteSelf: () => new PreconditionError('Administrators cannot change their own role', 'AUTH.CANNOT_DEMOTE_SELF'),
  cannotDeactivateSelf: () =>
    new PreconditionError('Administrators cannot deactivate their own account', 'AUTH.CANNOT_DEACTIVATE_SELF'),
  cannotDeleteSelf: () => new PreconditionError('Administrators cannot delete their own account', 'AUTH.CANNOT_DELETE_SELF'),
  lastAdmin: () =>
    new PreconditionError('This would leave the system without an active administrator', 'AUTH.LAST_ADMIN'),
} satisfies Record<string, (...args: never[]) => AppError>;
