import type { JWK } from 'jose';
import { protoTime as time, type UnaryHandlers } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import type { Jwk } from '@lms/kit/generated/lms/auth/v1/Jwk';
import type { PublicUser } from '@lms/kit/generated/lms/auth/v1/PublicUser';
import type { Session } from '@lms/kit/generated/lms/auth/v1/Session';
import type { TokenPair } from '@lms/kit/generated/lms/auth/v1/TokenPair';
import type { User as UserMessage } from '@lms/kit/generated/lms/auth/v1/User';
import type { PublicProfile, User } from '../domain/user';
import type { AuthDeps } from '../app/deps';
import { authenticate, issueAccessToken, markSessionsRevoked, type Caller, type IssuedTokens } from '../app/shared';
import { prepareRegistration, signUp } from '../app/commands/register';
import { checkSignIn, countSignInAttempt, forgiveSignIn, openSession, verifySignIn, type LoginCommand } from '../app/commands/login';
import { checkRefresh, rotateRefreshToken, settleRefresh, type RefreshCommand } from '../app/commands/refresh';
import { logout, logoutAll, sessionsToEnd } from '../app/commands/logout';
import { checkUpdateMe, updateMe } from '../app/commands/update-me';
import { changeOwnEmail, verifyOwnEmailChange } from '../app/commands/change-own-email';
import { changePassword, checkPasswordChange, countPasswordChangeAttempt, verifyPasswordChange } from '../app/commands/change-password';
import { confirmPasswordReset, prepareConfirmPasswordReset, requestPasswordReset } from '../app/commands/password-reset';
import type { TokenIssued } from '../app/commands/issue-one-time-token';
import { requestEmailVerification, verifyEmail } from '../app/commands/email-verification';
import { createUser, prepareCreateUser } from '../app/commands/create-user';
import { applyAdminChange, revokeAfterAdminChange } from '../app/commands/change-user';
import { checkAccountChange, checkUpdateUser, type CheckedAdminChange } from '../app/commands/update-user';
import { AuthErrors } from '../domain/auth.errors';
import { getMe } from '../app/queries/get-me';
import { listSessions, type SessionView } from '../app/queries/list-sessions';
import { listUsers } from '../app/queries/list-users';
import { getUser, getUserStats } from '../app/queries/get-user';
import { getJwks } from '../app/queries/get-jwks';
import { batchGetUsers } from '../app/queries/batch-get-users';
import { resolveUsersByEmail } from '../app/queries/resolve-users-by-email';

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
    phone: user.phone,
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
    refresh_expires_at: time(tokens.refreshExpiresAt),
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

/*
 * The entry point owns every unit of work: checks, reads and bcrypt run before `deps.units.run`, the
 * command runs inside it, revocation marks (Redis) and token signing after the commit. The flows
 * below compose the steps of the use cases that need more than one.
 */

/** Sign-in: the attempt is counted and committed on its own before the password is checked (see login.ts). */
async function signIn(deps: AuthDeps, cmd: LoginCommand): Promise<IssuedTokens> {
  const now = deps.clock();
  const attempt = checkSignIn(deps, cmd);
  const { slowDown } = await deps.units.run((uow) => countSignInAttempt(uow, attempt, now));
  const user = await verifySignIn(deps, attempt, slowDown);
  await deps.units.run((uow) => forgiveSignIn(uow, attempt));
  await deps.keys.activeKey(); // load the signing key before the session is committed
  const opened = await deps.units.run((uow) => openSession(uow, deps, attempt, user, now));
  await markSessionsRevoked(deps, opened.evicted);
  const access = await issueAccessToken(deps, opened.user, opened.session.id);
  deps.logger.info({ user_id: user.id, session_id: opened.session.id }, 'signed in');
  const { session, refreshToken, user: signedIn } = opened;
  return {
    accessToken: access.token,
    expiresIn: access.expiresIn,
    refreshToken,
    refreshExpiresAt: session.expiresAt,
    sessionId: session.id,
    user: signedIn,
  };
}

async function refreshSession(deps: AuthDeps, raw: RefreshCommand): Promise<IssuedTokens> {
  const cmd = checkRefresh(raw);
  await deps.keys.activeKey(); // load the signing key before anything is committed
  const now = deps.clock();
  const outcome = await deps.units.run((uow) => rotateRefreshToken(uow, deps, cmd, now));
  const rotated = await settleRefresh(deps, cmd, outcome);
  const access = await issueAccessToken(deps, rotated.user, rotated.sessionId);
  return { accessToken: access.token, expiresIn: access.expiresIn, ...rotated };
}

/** The wrong-current-password count is committed before the password is checked (see change-password.ts). */
async function changeOwnPassword(deps: AuthDeps, caller: Caller, cmd: { currentPassword: string; newPassword: string }): Promise<void> {
  const change = await checkPasswordChange(deps, caller, cmd);
  await deps.units.run((uow) => countPasswordChangeAttempt(uow, deps, change, deps.clock()));
  const verified = await verifyPasswordChange(deps, change);
  const now = deps.clock();
  const result = await deps.units.run((uow) => changePassword(uow, change, verified, now));
  if ('same' in result) throw AuthErrors.samePassword();
  await markSessionsRevoked(deps, result.revoked);
  deps.logger.info({ user_id: change.self.id, revoked_sessions: result.revoked.length }, 'password changed');
}

async function resetPassword(deps: AuthDeps, cmd: { token: string; newPassword: string }): Promise<void> {
  const input = await prepareConfirmPasswordReset(deps, cmd);
  const now = deps.clock();
  const { userId, revoked } = await deps.units.run((uow) => confirmPasswordReset(uow, input, now));
  await markSessionsRevoked(deps, revoked);
  deps.logger.info({ user_id: userId, revoked_sessions: revoked.length }, 'password reset');
}

async function changeAccount(deps: AuthDeps, caller: Caller, { userId, change }: CheckedAdminChange): Promise<User> {
  const now = deps.clock();
  const applied = await deps.units.run((uow) => applyAdminChange(uow, deps, caller.userId, userId, change, now));
  return revokeAfterAdminChange(deps, applied);
}

/** The AuthService over gRPC: decode the request, run the use case in its unit of work, encode the reply. */
export function authHandlers(deps: AuthDeps): UnaryHandlers<AuthServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  return {
    Register: async (req) => {
      const account = await prepareRegistration(deps, { email: req.email, password: req.password, fullName: req.full_name, role: req.role });
      const now = deps.clock();
      return userMessage(await deps.units.run((uow) => signUp(uow, deps, account, now)));
    },

    Login: async (req, call) =>
      tokenPairMessage(
        await signIn(deps, {
          email: req.email,
          password: req.password,
          clientIp: call.context.clientIp,
          userAgent: call.context.userAgent,
        }),
      ),

    Refresh: async (req, call) =>
      tokenPairMessage(
        await refreshSession(deps, {
          refreshToken: req.refresh_token,
          clientIp: call.context.clientIp,
          userAgent: call.context.userAgent,
        }),
      ),

    Logout: async (req, call) => {
      const sessionIds = await sessionsToEnd(deps.units.read, await caller(call.authorization), { refreshToken: req.refresh_token });
      const now = deps.clock();
      await deps.units.run((uow) => logout(uow, sessionIds, now));
      await markSessionsRevoked(deps, sessionIds);
      return {};
    },

    LogoutAll: async (_req, call) => {
      const who = await caller(call.authorization);
      const now = deps.clock();
      await markSessionsRevoked(deps, await deps.units.run((uow) => logoutAll(uow, who, now)));
      return {};
    },

    ListSessions: async (_req, call) => ({
      items: (await listSessions(deps, await caller(call.authorization))).map(sessionMessage),
    }),

    GetMe: async (_req, call) => userMessage(await getMe(deps, await caller(call.authorization))),

    UpdateMe: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { fields: req.fields, fullName: req.full_name, bio: req.bio, avatarUrl: req.avatar_url, phone: req.phone };
      // A new email needs the current password (bcrypt, before the unit of work; see change-own-email.ts),
      // checked only once the other fields are valid (a refused request costs no attempt).
      if (req.fields.includes('email')) checkUpdateMe(cmd);
      const emailChange = req.fields.includes('email')
        ? await verifyOwnEmailChange(deps, who, { email: req.email, currentPassword: req.current_password })
        : undefined;
      const now = deps.clock();
      return userMessage(
        await deps.units.run(async (uow) => {
          const user = await updateMe(uow, deps, who, cmd, now);
          return emailChange ? changeOwnEmail(uow, deps, emailChange, user, now) : user;
        }),
      );
    },

    ChangePassword: async (req, call) => {
      await changeOwnPassword(deps, await caller(call.authorization), {
        currentPassword: req.current_password,
        newPassword: req.new_password,
      });
      return {};
    },

    RequestPasswordReset: async (req) => {
      const now = deps.clock();
      return tokenIssuedMessage(await deps.units.run((uow) => requestPasswordReset(uow, deps, { email: req.email }, now)));
    },

    ConfirmPasswordReset: async (req) => {
      await resetPassword(deps, { token: req.token, newPassword: req.new_password });
      return {};
    },

    RequestEmailVerification: async (_req, call) => {
      const who = await caller(call.authorization);
      const now = deps.clock();
      return tokenIssuedMessage(await deps.units.run((uow) => requestEmailVerification(uow, deps, who, now)));
    },

    VerifyEmail: async (req) => {
      const now = deps.clock();
      await deps.units.run((uow) => verifyEmail(uow, { token: req.token }, now));
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

    CreateUser: async (req, call) => {
      const who = await caller(call.authorization);
      const account = await prepareCreateUser(deps, who, { email: req.email, password: req.password, fullName: req.full_name, role: req.role });
      return userMessage(await deps.units.run((uow) => createUser(uow, who, account)));
    },

    GetUser: async (req, call) => userMessage(await getUser(deps, await caller(call.authorization), { userId: req.user_id })),

    UpdateUser: async (req, call) => {
      const who = await caller(call.authorization);
      const checked = checkUpdateUser(who, {
        userId: req.user_id,
        fields: req.fields,
        fullName: req.full_name,
        bio: req.bio,
        avatarUrl: req.avatar_url,
        role: req.role,
        isActive: req.is_active,
        emailVerified: req.email_verified,
        phone: req.phone,
        email: req.email,
      });
      return userMessage(await changeAccount(deps, who, checked));
    },

    ActivateUser: async (req, call) => {
      const who = await caller(call.authorization);
      return userMessage(await changeAccount(deps, who, checkAccountChange(who, { userId: req.user_id }, 'activate')));
    },

    DeactivateUser: async (req, call) => {
      const who = await caller(call.authorization);
      return userMessage(await changeAccount(deps, who, checkAccountChange(who, { userId: req.user_id }, 'deactivate')));
    },

    DeleteUser: async (req, call) => {
      const who = await caller(call.authorization);
      await changeAccount(deps, who, checkAccountChange(who, { userId: req.user_id }, 'delete'));
      return {};
    },

    GetUserStats: async (req, call) => {
      const stats = await getUserStats(deps, await caller(call.authorization), { userId: req.user_id });
      return {
        user_id: stats.userId,
        created_at: time(stats.createdAt),
        last_login_at: time(stats.lastLoginAt),
        active_sessions: stats.activeSessions,
        role: stats.role,
        is_active: stats.isActive,
        email_verified: stats.emailVerified,
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
