import { isAppError } from '@lms/kit';
import type { AuthClient } from '../clients/auth.client';
import { z } from '../openapi/zod';
import {
  AnyPassword,
  AvatarUrl,
  Bio,
  Email,
  FullName,
  MessageSchema,
  NewPassword,
  SessionListSchema,
  Token,
  TokenIssuedSchema,
  TokenPairSchema,
  UserSchema,
} from '../openapi/schemas';
import { presentFields } from '../presentation/fields';
import { listOf } from '../presentation/lists';
import { route, type AnyRoute } from './route';

const API = '/api/v1';
const tags = ['Auth'];

/** Calls on public routes never forward whatever Authorization header came with the request. */
const PUBLIC = { authorization: '' } as const;

const RegisterBody = z
  .object({
    email: Email,
    password: NewPassword,
    full_name: FullName,
    role: z
      .enum(['student', 'instructor', 'admin'])
      .optional()
      .openapi({
        description:
          'student by default; instructor only if the platform allows it (ALLOW_INSTRUCTOR_SIGNUP), else 403; ' +
          'admin is never granted by sign-up (403 AUTH.ROLE_NOT_ALLOWED): admins create admins',
      }),
  })
  .strict()
  .openapi('RegisterRequest');

export const LoginBody = z.object({ email: Email, password: AnyPassword }).strict().openapi('LoginRequest');
const RefreshBody = z.object({ refresh_token: Token }).strict().openapi('RefreshRequest');
const LogoutBody = z
  .object({ refresh_token: Token.optional().openapi({ description: 'Defaults to the session of the access token' }) })
  .strict()
  .openapi('LogoutRequest');

export const ProfileBody = z
  .object({ full_name: FullName.optional(), bio: Bio.optional(), avatar_url: AvatarUrl.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdateProfileRequest', { description: 'Partial update: only the fields present are changed' });

const ChangePasswordBody = z
  .object({ current_password: AnyPassword, new_password: NewPassword })
  .strict()
  .openapi('ChangePasswordRequest');

const ResetRequestBody = z.object({ email: Email }).strict().openapi('PasswordResetRequest');
const ResetConfirmBody = z.object({ token: Token, new_password: NewPassword }).strict().openapi('PasswordResetConfirm');
const VerifyEmailBody = z.object({ token: Token }).strict().openapi('VerifyEmailRequest');

export function authRoutes(auth: AuthClient): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: `${API}/auth/register`,
      operationId: 'register',
      summary: 'Create a student (or instructor, if allowed) account',
      tags,
      access: 'public',
      strictLimit: 'register',
      idempotent: true,
      body: RegisterBody,
      success: { status: 201, description: 'The new user', schema: UserSchema },
      errors: [409],
      handle: ({ body }) => auth.Register({ ...body, role: body.role ?? '' }, PUBLIC),
    }),
    route({
      method: 'post',
      path: `${API}/auth/login`,
      operationId: 'login',
      summary: 'Exchange email and password for an access and a refresh token',
      description: 'Rate limited per client IP and per email address.',
      tags,
      access: 'public',
      strictLimit: 'login',
      body: LoginBody,
      success: { status: 200, description: 'Tokens and the user', schema: TokenPairSchema },
      handle: ({ body }) => auth.Login(body, PUBLIC),
    }),
    route({
      method: 'post',
      path: `${API}/auth/refresh`,
      operationId: 'refresh',
      summary: 'Rotate the refresh token: new access and refresh tokens',
      description: 'Re-using an already rotated refresh token revokes the whole session (token family).',
      tags,
      access: 'public',
      body: RefreshBody,
      success: { status: 200, description: 'New tokens', schema: TokenPairSchema },
      handle: ({ body }) => auth.Refresh(body, PUBLIC),
    }),
    route({
      method: 'post',
      path: `${API}/auth/logout`,
      operationId: 'logout',
      summary: 'Revoke this session (its refresh token family)',
      tags,
      access: 'authenticated',
      body: LogoutBody,
      bodyRequired: false,
      success: { status: 204, description: 'Session revoked' },
      handle: async ({ body }) => {
        await auth.Logout({ refresh_token: body.refresh_token ?? '' });
      },
    }),
    route({
      method: 'post',
      path: `${API}/auth/logout-all`,
      operationId: 'logoutAll',
      summary: 'Revoke every session of the caller',
      tags,
      access: 'authenticated',
      success: { status: 204, description: 'All sessions revoked' },
      handle: async () => {
        await auth.LogoutAll({});
      },
    }),
    route({
      method: 'get',
      path: `${API}/auth/sessions`,
      operationId: 'listSessions',
      summary: "The caller's active sessions",
      tags,
      access: 'authenticated',
      success: { status: 200, description: 'Active sessions', schema: SessionListSchema },
      handle: async () => listOf('sessions', (await auth.ListSessions({})).items),
    }),
    route({
      method: 'get',
      path: `${API}/auth/me`,
      operationId: 'getMe',
      summary: 'The current user',
      tags,
      access: 'authenticated',
      success: { status: 200, description: 'The current user', schema: UserSchema },
      handle: () => auth.GetMe({}),
    }),
    route({
      method: 'put',
      path: `${API}/auth/me`,
      operationId: 'updateMe',
      summary: 'Update your own profile (partial)',
      tags,
      access: 'authenticated',
      body: ProfileBody,
      success: { status: 200, description: 'The updated user', schema: UserSchema },
      handle: ({ body }) => auth.UpdateMe({ ...body, fields: presentFields(body) }),
    }),
    route({
      method: 'post',
      path: `${API}/auth/change-password`,
      operationId: 'changePassword',
      summary: 'Change your password; your other sessions are revoked',
      tags,
      access: 'authenticated',
      strictLimit: 'login', // a stolen access token must not become a password oracle (issue 10 A3)
      body: ChangePasswordBody,
      success: { status: 204, description: 'Password changed' },
      handle: async ({ body }) => {
        await auth.ChangePassword(body);
      },
    }),
    route({
      method: 'post',
      path: `${API}/auth/password-reset/request`,
      operationId: 'requestPasswordReset',
      summary: 'Ask for a password reset email',
      description: 'Always 202, whether or not the address has an account (no user enumeration).',
      tags,
      access: 'public',
      strictLimit: 'password_reset',
      body: ResetRequestBody,
      success: { status: 202, description: 'Accepted', schema: TokenIssuedSchema },
      handle: async ({ body }) => {
        try {
          const issued = await auth.RequestPasswordReset(body, PUBLIC);
          // Without the token (production) the expiry alone would tell that the address has an account.
          return issued.token ? issued : { token: '', expires_at: '' };
        } catch (err) {
          // Unknown or inactive accounts look exactly like known ones; outages still surface (503).
          if (isAppError(err) && ['not_found', 'permission_denied', 'failed_precondition'].includes(err.kind)) {
            return { token: '', expires_at: '' };
          }
          throw err;
        }
      },
    }),
    route({
      method: 'post',
      path: `${API}/auth/password-reset/confirm`,
      operationId: 'confirmPasswordReset',
      summary: 'Set a new password with a reset token; every session is revoked',
      tags,
      access: 'public',
      strictLimit: 'password_reset',
      body: ResetConfirmBody,
      success: { status: 200, description: 'Password reset', schema: MessageSchema },
      handle: async ({ body }) => {
        await auth.ConfirmPasswordReset(body, PUBLIC);
        return { detail: 'Password has been reset' };
      },
    }),
    route({
      method: 'post',
      path: `${API}/auth/verify-email/request`,
      operationId: 'requestEmailVerification',
      summary: 'Ask for an email verification token for your own address',
      tags,
      access: 'authenticated',
      success: { status: 200, description: 'Token issued (returned only in development)', schema: TokenIssuedSchema },
      handle: () => auth.RequestEmailVerification({}),
    }),
    route({
      method: 'post',
      path: `${API}/auth/verify-email`,
      operationId: 'verifyEmail',
      summary: 'Verify an email address with its token',
      tags,
      access: 'public',
      body: VerifyEmailBody,
      success: { status: 200, description: 'Email verified', schema: MessageSchema },
      handle: async ({ body }) => {
        await auth.VerifyEmail(body, PUBLIC);
        return { detail: 'Email verified' };
      },
    }),
  ];
}
