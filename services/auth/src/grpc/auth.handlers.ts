import type { JWK } from 'jose';
import type { UnaryHandlers } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { Jwk } from '@lms/kit/generated/lms/auth/v1/Jwk';
import type { PublicUser } from '@lms/kit/generated/lms/auth/v1/PublicUser';
import type { Session } from '@lms/kit/generated/lms/auth/v1/Session';
import type { TokenPair } from '@lms/kit/generated/lms/auth/v1/TokenPair';
import type { User as UserMessage } from '@lms/kit/generated/lms/auth/v1/User';
import type { PublicProfile, User } from '../domain/user';
import type { AuthDeps } from '../app/deps';
import { authenticate, type IssuedTokens } from '../app/shared';
import { register } from '../app/commands/register';
import { login } from '../app/commands/login';
import { refresh } from '../app/commands/refresh';
import { logout, logoutAll } from '../app/commands/logout';
import { updateMe } from '../app/commands/update-me';
import { changePassword } from '../app/commands/change-password';
import { confirmPasswordReset, requestPasswordReset, type TokenIssued } from '../app/commands/password-reset';
import { requestEmailVerification, verifyEmail } from '../app/commands/email-verification';
import { createUser } from '../app/commands/create-user';
import { activateUser, deactivateUser, deleteUser, updateUser } from '../app/commands/update-user';
import { getMe } from '../app/queries/get-me';
import { listSessions, type SessionView } from '../app/queries/list-sessions';
import { listUsers } from '../app/queries/list-users';
import { getUser, getUserStats } from '../app/queries/get-user';
import { getJwks } from '../app/queries/get-jwks';
import { batchGetUsers } from '../app/queries/batch-get-users';
import { resolveUsersByEmail } from '../app/queries/resolve-users-by-email';

const time = (date: Date | null | undefined): string => (date ? date.toISOString() : '');

function userMessage(user: User): UserMessage {
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    role: user.role,
    is_active: user.isActive,
    email_verified: user.emailVerified,
    bio: user.bio,
    avatar_url: user.avatarUrl,
    created_at: time(user.createdAt),
    updated_at: time(user.updatedAt),
    last_login_at: time(user.lastLoginAt),
  };
}

function publicUserMessage(profile: PublicProfile): PublicUser {
  return {
    id: profile.id,
    full_name: profile.fullName,
    bio: profile.bio,
    avatar_url: profile.avatarUrl,
    role: profile.role,
  };
}

function tokenPairMessage(tokens: IssuedTokens): TokenPair {
  return {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    token_type: 'bearer',
    expires_in: tokens.expiresIn,
    session_id: tokens.sessionId,
    user: userMessage(tokens.user),
  };
}

function sessionMessage(session: SessionView): Session {
  return {
    id: session.id,
    created_at: time(session.createdAt),
    last_used_at: time(session.lastUsedAt),
    expires_at: time(session.expiresAt),
    user_agent: session.userAgent,
    ip: session.ip,
    current: session.current,
  };
}

function tokenIssuedMessage(issued: TokenIssued) {
  return { token: issued.token, expires_at: time(issued.expiresAt) };
}

function jwkMessage(jwk: JWK): Jwk {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    kty: str(jwk.kty),
    crv: str(jwk.crv),
    x: str(jwk.x),
    n: str(jwk.n),
    e: str(jwk.e),
    kid: str(jwk.kid),
    alg: str(jwk.alg),
    use: str(jwk.use),
  };
}

/** The AuthService over gRPC: decode the request, call the use case, encode the reply. */
export function authHandlers(deps: AuthDeps): UnaryHandlers<AuthServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  return {
    Register: async (req) =>
      userMessage(await register(deps, { email: req.email, password: req.password, fullName: req.full_name, role: req.role })),

    Login: async (req, call) =>
      tokenPairMessage(
        await login(deps, {
          email: req.email,
          password: req.password,
          clientIp: call.context.clientIp,
          userAgent: call.context.userAgent,
        }),
      ),

    Refresh: async (req, call) =>
      tokenPairMessage(
        await refresh(deps, {
          refreshToken: req.refresh_token,
          clientIp: call.context.clientIp,
          userAgent: call.context.userAgent,
        }),
      ),

    Logout: async (req, call) => {
      await logout(deps, await caller(call.authorization), { refreshToken: req.refresh_token });
      return {};
    },

    LogoutAll: async (_req, call) => {
      await logoutAll(deps, await caller(call.authorization));
      return {};
    },

    ListSessions: async (_req, call) => ({
      items: (await listSessions(deps, await caller(call.authorization))).map(sessionMessage),
    }),

    GetMe: async (_req, call) => userMessage(await getMe(deps, await caller(call.authorization))),

    UpdateMe: async (req, call) =>
      userMessage(
        await updateMe(deps, await caller(call.authorization), {
          fields: req.fields,
          fullName: req.full_name,
          bio: req.bio,
          avatarUrl: req.avatar_url,
        }),
      ),

    ChangePassword: async (req, call) => {
      await changePassword(deps, await caller(call.authorization), {
        currentPassword: req.current_password,
        newPassword: req.new_password,
      });
      return {};
    },

    RequestPasswordReset: async (req) => tokenIssuedMessage(await requestPasswordReset(deps, { email: req.email })),

    ConfirmPasswordReset: async (req) => {
      await confirmPasswordReset(deps, { token: req.token, newPassword: req.new_password });
      return {};
    },

    RequestEmailVerification: async (_req, call) =>
      tokenIssuedMessage(await requestEmailVerification(deps, await caller(call.authorization))),

    VerifyEmail: async (req) => {
      await verifyEmail(deps, { token: req.token });
      return {};
    },

    ListUsers: async (req, call) => {
      const page = await listUsers(deps, await caller(call.authorization), {
        page: req.page,
        pageSize: req.page_size,
        role: req.role,
        isActive: req.is_active,
        search: req.search,
      });
      return {
        items: page.items.map(userMessage),
        total: page.total,
        page: page.page,
        page_size: page.pageSize,
        total_pages: page.totalPages,
      };
    },

    CreateUser: async (req, call) =>
      userMessage(
        await createUser(deps, await caller(call.authorization), {
          email: req.email,
          password: req.password,
          fullName: req.full_name,
          role: req.role,
        }),
      ),

    GetUser: async (req, call) => userMessage(await getUser(deps, await caller(call.authorization), { userId: req.user_id })),

    UpdateUser: async (req, call) =>
      userMessage(
        await updateUser(deps, await caller(call.authorization), {
          userId: req.user_id,
          fields: req.fields,
          fullName: req.full_name,
          bio: req.bio,
          avatarUrl: req.avatar_url,
          role: req.role,
          isActive: req.is_active,
          emailVerified: req.email_verified,
        }),
      ),

    ActivateUser: async (req, call) =>
      userMessage(await activateUser(deps, await caller(call.authorization), { userId: req.user_id })),

    DeactivateUser: async (req, call) =>
      userMessage(await deactivateUser(deps, await caller(call.authorization), { userId: req.user_id })),

    DeleteUser: async (req, call) => {
      await deleteUser(deps, await caller(call.authorization), { userId: req.user_id });
      return {};
    },

    GetUserStats: async (req, call) => {
      const stats = await getUserStats(deps, await caller(call.authorization), { userId: req.user_id });
      return {
        user_id: stats.userId,
        created_at: time(stats.createdAt),
        last_login_at: time(stats.lastLoginAt),
        active_sessions: stats.activeSessions,
      };
    },

    GetJwks: async () => ({ keys: (await getJwks(deps)).keys.map(jwkMessage) }),

    BatchGetUsers: async (req, call) => {
      // A token, when sent, must be valid; without one only teaching profiles are returned.
      const anonymous = !call.authorization;
      if (!anonymous) await caller(call.authorization);
      return { items: (await batchGetUsers(deps, { ids: req.ids, anonymous })).map(publicUserMessage) };
    },

    ResolveUsersByEmail: async (req, call) => ({
      items: (
        await resolveUsersByEmail(deps, await caller(call.authorization), { emails: req.emails, courseId: req.course_id })
      ).map((r) => ({
        email: r.email,
        user: publicUserMessage(r.profile),
        is_active: r.isActive,
      })),
    }),
  };
}
