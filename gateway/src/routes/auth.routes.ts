import { AppError, isAppError } from '@lms/kit';
import type { Request, Response } from 'express';
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
import { Phone, TokenStatusSchema } from '../openapi/auth.schemas';
import {
  assertNotCrossSite,
  clearRefreshCookie,
  CSRF_HEADER,
  readRefreshCookie,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  setRefreshCookie,
} from '../middleware/refresh-cookie';
import { callerOf } from '../middleware/authenticate';
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
const RefreshBody = z
  .object({
    refresh_token: Token.optional().openapi({
      description: `Required unless the browser sends the ${REFRESH_COOKIE} cookie (then the ${CSRF_HEADER} header is required too)`,
    }),
  })
  .strict()
  .openapi('RefreshRequest');
/** `?cookie=true`: the refresh token travels in an HttpOnly cookie, not in the body (browser clients). */
const CookieQuery = z
  .object({
    cookie: z.enum(['true', 'false']).optional().openapi({
      description:
        `true: the refresh token is set as an HttpOnly Secure SameSite=Strict cookie \`${REFRESH_COOKIE}\` ` +
        `(Path=${REFRESH_COOKIE_PATH}) and \`refresh_token\` in the body is null`,
    }),
  })
  .strict();
/** The seed's proactive-refresh threshold (token-status): refresh when under 5 minutes are left. */
export const SHOULD_REFRESH_BELOW_SECONDS = 300;
const LogoutBody = z
  .object({ refresh_token: Token.optional().openapi({ description: 'Defaults to the session of the access token' }) })
  .strict()
  .openapi('LogoutRequest');

export const ProfileBody = z
  .object({
    full_name: FullName.optional(),
    bio: Bio.optional(),
    avatar_url: AvatarUrl.optional(),
    phone: Phone.optional(),
    email: Email.optional().openapi({
      description: 'A new address: needs current_password; it is unverified until the link emailed to it is followed',
    }),
    current_password: AnyPassword.optional().openapi({ description: 'Required with email' }),
  })
  .strict()
  .refine((b) => Object.entries(b).some(([k, v]) => k !== 'current_password' && v !== undefined), 'At least one field is required')
  .refine((b) => b.email === undefined || b.current_password !== undefined, {
    message: 'current_password is required to change the email',
    path: ['current_password'],
  })
  .openapi('UpdateProfileRequest', { description: 'Partial update: only the fields present are changed' });

const ChangePasswordBody = z
  .object({ current_password: AnyPassword, new_password: NewPassword })
  .strict()
  .openapi('ChangePasswordRequest');

const ResetRequestBody = z.object({ email: Email }).strict().openapi('PasswordResetRequest');
const ResetConfirmBody = z.object({ token: Token, new_password: NewPassword }).strict().openapi('PasswordResetConfirm');
const VerifyEmailBody = z.object({ token: Token }).strict().openapi('VerifyEmailRequest');

/** A refused refresh through the cookie also clears the cookie (the seed does the same). */
async function withCookieCleared<T>(res: Response, usesCookie: boolean, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (usesCookie && isAppError(err) && err.kind === 'unauthenticated') clearRefreshCookie(res);
    throw err;
  }
}

/** Tokens → the reply; in cookie mode the refresh token goes into the cookie and the body says null. */
function deliverTokens<T extends { refresh_token: string; refresh_expires_at: string }>(res: Response, tokens: T, cookie: boolean): T {
  if (!cookie) return tokens;
  setRefreshCookie(res, tokens.refresh_token, tokens.refresh_expires_at);
  return { ...tokens, refresh_token: '' };
}

/** The refresh token of a request: the body's, else the cookie's (then the CSRF proof is required). */
function presentedRefreshToken(req: Request, bodyToken: string | undefined, trustedOrigins: readonly string[]) {
  if (bodyToken) return { token: bodyToken, fromCookie: false };
  const cookie = readRefreshCookie(req);
  if (!cookie) return undefined;
  assertNotCrossSite(req, trustedOrigins);
  return { token: cookie, fromCookie: true };
}

export interface AuthRouteOptions {
  /** Origins besides the gateway's own whose pages may use the refresh cookie (CORS_ORIGINS). */
  trustedOrigins?: readonly string[];
}

export function authRoutes(auth: AuthClient, options: AuthRouteOptions = {}): AnyRoute[] {
  const trustedOrigins = options.trustedOrigins ?? [];
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
      description: 'Rate limited per client IP and per email address. `?cookie=true`: the refresh token is set as an HttpOnly cookie.',
      tags,
      access: 'public',
      strictLimit: 'login',
      body: LoginBody,
      query: CookieQuery,
      success: { status: 200, description: 'Tokens and the user', schema: TokenPairSchema },
      handle: async ({ body, query, res }) => deliverTokens(res, await auth.Login(body, PUBLIC), query.cookie === 'true'),
    }),
    route({
      method: 'post',
      path: `${API}/auth/refresh`,
      operationId: 'refresh',
      summary: 'Rotate the refresh token: new access and refresh tokens',
      description:
        'Re-using an already rotated refresh token revokes the whole session (token family). A session rotates at most ' +
        'REFRESH_MAX_ROTATIONS times (50), then 401 AUTH.REFRESH_MAX_ROTATIONS: sign in again. Every refusal carries ' +
        '`should_logout`. The token comes from the body, else from the refresh cookie (then the reply rotates the ' +
        `cookie, and the request needs the ${CSRF_HEADER} header and a same-site Origin, else 403 AUTH.CSRF_REJECTED).`,
      tags,
      access: 'public',
      body: RefreshBody,
      bodyRequired: false,
      query: CookieQuery,
      success: { status: 200, description: 'New tokens', schema: TokenPairSchema },
      errors: [403],
      handle: async ({ body, query, req, res }) => {
        const presented = presentedRefreshToken(req, body.refresh_token, trustedOrigins);
        if (!presented) {
          throw new AppError('unauthenticated', 'No refresh token provided (body refresh_token or the refresh_token cookie)', {
            code: 'AUTH.REFRESH_INVALID',
            meta: { should_logout: true },
          });
        }
        const tokens = await withCookieCleared(res, presented.fromCookie, () => auth.Refresh({ refresh_token: presented.token }, PUBLIC));
        return deliverTokens(res, tokens, presented.fromCookie || query.cookie === 'true');
      },
    }),
    route({
      method: 'post',
      path: `${API}/auth/logout`,
      operationId: 'logout',
      summary: 'Revoke this session (its refresh token family)',
      description: `Clears the refresh cookie; a logout through the cookie needs the ${CSRF_HEADER} header and a same-site Origin.`,
      tags,
      access: 'authenticated',
      body: LogoutBody,
      bodyRequired: false,
      success: { status: 204, description: 'Session revoked' },
      errors: [403],
      handle: async ({ body, req, res }) => {
        const presented = presentedRefreshToken(req, body.refresh_token, trustedOrigins);
        await auth.Logout({ refresh_token: presented?.token ?? '' });
        if (presented?.fromCookie || readRefreshCookie(req)) clearRefreshCookie(res);
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
      path: `${API}/auth/token-status`,
      operationId: 'getTokenStatus',
      summary: 'When the access token expires and whether to refresh it now',
      description: `should_refresh is true when fewer than ${SHOULD_REFRESH_BELOW_SECONDS} seconds are left (the seed's proactive refresh).`,
      tags,
      access: 'authenticated',
      success: { status: 200, description: 'The access token', schema: TokenStatusSchema },
      handle: ({ res }) => {
        const caller = callerOf(res);
        const left = Math.max(0, Math.floor(caller.expiresAt - Date.now() / 1000));
        return {
          valid: true,
          expires_at: new Date(caller.expiresAt * 1000).toISOString(),
          time_remaining_seconds: left,
          should_refresh: left < SHOULD_REFRESH_BELOW_SECONDS,
          user_id: caller.userId,
        };
      },
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
      handle: ({ body }) =>
        auth.UpdateMe({ ...body, fields: presentFields(body).filter((field) => field !== 'current_password') }),
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
