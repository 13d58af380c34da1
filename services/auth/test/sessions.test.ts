import { decodeJwt } from 'jose';
import { createRemoteVerifier } from '@lms/kit/auth';
import { countingRedis, eventually, grpcStatusOf } from '@lms/kit/testing';
import {
  bearer,
  expectGrpcError,
  fromIp,
  GrpcStatus,
  signUpAndIn,
  startAuth,
  STRONG_PASSWORD,
  type AuthHarness,
} from './support';

describe('auth: sessions, refresh rotation and revocation (gRPC, real PostgreSQL/Redis)', () => {
  let h: AuthHarness;
  let limits: AuthHarness;
  let shortSessions: AuthHarness;

  beforeAll(async () => {
    [h, limits, shortSessions] = await Promise.all([
      // no grace: a spent token presented again is theft at once (the reuse tests below)
      startAuth('sessions', { REFRESH_REUSE_GRACE_SECONDS: '0' }),
      startAuth('sessions_limits', { MAX_SESSIONS_PER_USER: '3' }), // default 10 s grace
      startAuth('sessions_short', { SESSION_ABSOLUTE_TTL_SECONDS: '3', REFRESH_TOKEN_TTL_SECONDS: '600' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([h?.close(), limits?.close(), shortSessions?.close()]);
  });

  test('When a session keeps refreshing past its absolute lifetime, then the refresh is refused', async () => {
    const { tokens } = await signUpAndIn(shortSessions.client, 'absolute');
    const next = await shortSessions.client.Refresh({ refresh_token: tokens.refresh_token });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const again = await shortSessions.client.Refresh({ refresh_token: next.refresh_token }); // still inside: slides
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await expectGrpcError(
      shortSessions.client.Refresh({ refresh_token: again.refresh_token }),
      GrpcStatus.UNAUTHENTICATED,
      'AUTH.REFRESH_INVALID',
    );
  });

  test('When two refreshes race with the same token, then the loser gets REFRESH_SUPERSEDED and the session survives; from another IP it is reuse', async () => {
    const { tokens } = await signUpAndIn(limits.client, 'tabs');
    const results = await Promise.all(
      [0, 1].map(() => limits.client.Refresh({ refresh_token: tokens.refresh_token }).then((r) => r, (err: unknown) => err)),
    );
    const winner = results.find((r) => !(r instanceof Error)) as Awaited<ReturnType<typeof limits.client.Refresh>>;
    const loser = results.find((r) => r instanceof Error);
    expect(winner?.refresh_token).toBeDefined();
    await expectGrpcError(Promise.reject(loser), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_SUPERSEDED');
    // the family was not revoked: the winner's tokens keep working
    await expect(limits.client.GetMe({}, bearer(winner.access_token))).resolves.toBeDefined();
    const third = await limits.client.Refresh({ refresh_token: winner.refresh_token });
    // a spent token from a different client IP inside the grace is still theft: the family dies
    await fromIp('198.51.100.23', () =>
      expectGrpcError(limits.client.Refresh({ refresh_token: winner.refresh_token }), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_REUSED'),
    );
    await expectGrpcError(limits.client.Refresh({ refresh_token: third.refresh_token }), GrpcStatus.UNAUTHENTICATED);
  });

  test('When a user signs in beyond MAX_SESSIONS_PER_USER, then the oldest session is revoked and the list stays bounded', async () => {
    const { email, tokens } = await signUpAndIn(limits.client, 'many');
    const later = [];
    for (let i = 0; i < 3; i++) later.push(await limits.client.Login({ email, password: STRONG_PASSWORD }));
    await expectGrpcError(limits.client.Refresh({ refresh_token: tokens.refresh_token }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(limits.client.GetMe({}, bearer(tokens.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
    const listed = await limits.client.ListSessions({}, bearer(later[2].access_token));
    expect(listed.items.map((s) => s.id).sort()).toEqual(later.map((t) => t.session_id).sort());
  });

  test('When a refresh token is used, then it is rotated: new refresh and access tokens in the same session', async () => {
    const { tokens, user } = await signUpAndIn(h.client, 'rotate');
    const next = await h.client.Refresh({ refresh_token: tokens.refresh_token });

    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(next.access_token).not.toBe(tokens.access_token);
    expect(next.session_id).toBe(tokens.session_id);
    expect(decodeJwt(next.access_token)).toMatchObject({ sub: user.id, sid: tokens.session_id });
    expect(decodeJwt(next.access_token).jti).not.toBe(decodeJwt(tokens.access_token).jti);
    await expect(h.client.GetMe({}, bearer(next.access_token))).resolves.toMatchObject({ id: user.id });
    const third = await h.client.Refresh({ refresh_token: next.refresh_token });
    expect(third.session_id).toBe(tokens.session_id);
  });

  test('When a rotated refresh token is reused, then UNAUTHENTICATED and the whole family is revoked, access tokens included', async () => {
    const { tokens } = await signUpAndIn(h.client, 'reuse');
    const second = await h.client.Refresh({ refresh_token: tokens.refresh_token });

    await expectGrpcError(h.client.Refresh({ refresh_token: tokens.refresh_token }), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_REUSED');

    await expectGrpcError(h.client.Refresh({ refresh_token: second.refresh_token }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.GetMe({}, bearer(second.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
    await expectGrpcError(h.client.GetMe({}, bearer(tokens.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
  });

  test('When the same refresh token is presented concurrently, then exactly one refresh succeeds', async () => {
    const { tokens } = await signUpAndIn(h.client, 'race');
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => h.client.Refresh({ refresh_token: tokens.refresh_token })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      await expectGrpcError(Promise.reject((r as PromiseRejectedResult).reason), GrpcStatus.UNAUTHENTICATED);
    }
  });

  test('When an unknown or malformed refresh token is presented, then UNAUTHENTICATED or INVALID_ARGUMENT, never INTERNAL', async () => {
    await expectGrpcError(
      h.client.Refresh({ refresh_token: 'A'.repeat(43) }),
      GrpcStatus.UNAUTHENTICATED,
      'AUTH.REFRESH_INVALID',
    );
    await expectGrpcError(h.client.Refresh({ refresh_token: '' }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.Refresh({ refresh_token: 'x'.repeat(100_000) }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.Refresh({ refresh_token: "'; DROP TABLE users; --" }), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When the user logs out, then the session is revoked: its access token and refresh token stop working', async () => {
    const { tokens } = await signUpAndIn(h.client, 'logout');
    await h.client.Logout({ refresh_token: '' }, bearer(tokens.access_token));

    await expectGrpcError(h.client.GetMe({}, bearer(tokens.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
    await expectGrpcError(h.client.Refresh({ refresh_token: tokens.refresh_token }), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_INVALID');
  });

  test("When the user logs out, then another process's verifier (revocation marks mirrored in memory) refuses the token without asking Redis", async () => {
    // Another process of the fleet: its own Redis connection (commands counted) and the kit's remote verifier.
    const { redis, sent } = countingRedis();
    const verifier = createRemoteVerifier({ auth: h.client, redis, issuer: h.config.JWT_ISSUER, audience: h.config.JWT_AUDIENCE });
    const outcome = async (token: string) => {
      const before = sent.length;
      const code = await verifier.verify(`Bearer ${token}`).then(
        () => 'accepted',
        (err: { code?: string }) => err.code,
      );
      return { code, fromMemory: sent.length === before };
    };
    // Normally one Redis push (~ms); the documented bound is 1 s.
    const fromMemory = (token: string, code: string) =>
      eventually(async () => expect(await outcome(token)).toEqual({ code, fromMemory: true }), 10_000, 10);
    try {
      const { tokens } = await signUpAndIn(h.client, 'mirrored');
      await fromMemory(tokens.access_token, 'accepted');
      await h.client.Logout({ refresh_token: '' }, bearer(tokens.access_token));
      await fromMemory(tokens.access_token, 'AUTH.TOKEN_REVOKED');
    } finally {
      await redis.quit();
    }
  });

  test('When logging out with the refresh token of another user, then only the caller is signed out', async () => {
    const alice = await signUpAndIn(h.client, 'alice');
    const bob = await signUpAndIn(h.client, 'bob');
    await h.client.Logout({ refresh_token: bob.tokens.refresh_token }, alice.auth);

    await expectGrpcError(h.client.GetMe({}, alice.auth), GrpcStatus.UNAUTHENTICATED);
    await expect(h.client.GetMe({}, bob.auth)).resolves.toMatchObject({ id: bob.user.id });
    await expect(h.client.Refresh({ refresh_token: bob.tokens.refresh_token })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When the user logs out everywhere, then every session ends', async () => {
    const { email, tokens } = await signUpAndIn(h.client, 'everywhere');
    const laptop = await h.client.Login({ email, password: STRONG_PASSWORD });
    await h.client.LogoutAll({}, bearer(tokens.access_token));

    for (const t of [tokens, laptop]) {
      await expectGrpcError(h.client.GetMe({}, bearer(t.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
      await expectGrpcError(h.client.Refresh({ refresh_token: t.refresh_token }), GrpcStatus.UNAUTHENTICATED);
    }
  });

  test('When listing sessions, then only live ones are listed and the caller’s is marked current', async () => {
    const { email, tokens } = await signUpAndIn(h.client, 'list');
    const phone = await fromIp('192.0.2.7', () => h.client.Login({ email, password: STRONG_PASSWORD }));
    const ended = await h.client.Login({ email, password: STRONG_PASSWORD });
    await h.client.Logout({ refresh_token: '' }, bearer(ended.access_token));

    const { items } = await h.client.ListSessions({}, bearer(tokens.access_token));
    expect(items.map((s) => s.id).sort()).toEqual([tokens.session_id, phone.session_id].sort());
    expect(items.find((s) => s.id === tokens.session_id)!.current).toBe(true);
    expect(items.find((s) => s.id === phone.session_id)).toMatchObject({ current: false, ip: '192.0.2.7', user_agent: 'jest' });
    expect(Date.parse(items[0].expires_at)).toBeGreaterThan(Date.now());
  });

  test('When the password is changed, then other sessions are revoked and this one stays signed in', async () => {
    const { email, tokens, user } = await signUpAndIn(h.client, 'chpw');
    const other = await h.client.Login({ email, password: STRONG_PASSWORD });
    const newPassword = 'Brand-New-Secret-7';

    await expectGrpcError(
      h.client.ChangePassword({ current_password: 'Not-The-One-1', new_password: newPassword }, bearer(tokens.access_token)),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.WRONG_PASSWORD',
    );
    await expectGrpcError(
      h.client.ChangePassword({ current_password: STRONG_PASSWORD, new_password: STRONG_PASSWORD }, bearer(tokens.access_token)),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.PASSWORD_UNCHANGED',
    );
    await expectGrpcError(
      h.client.ChangePassword({ current_password: STRONG_PASSWORD, new_password: 'weakpass' }, bearer(tokens.access_token)),
      GrpcStatus.INVALID_ARGUMENT,
      'VALIDATION_FAILED',
    );
    await h.client.ChangePassword({ current_password: STRONG_PASSWORD, new_password: newPassword }, bearer(tokens.access_token));

    await expect(h.client.GetMe({}, bearer(tokens.access_token))).resolves.toMatchObject({ id: user.id });
    await expectGrpcError(h.client.GetMe({}, bearer(other.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
    await expectGrpcError(h.client.Refresh({ refresh_token: other.refresh_token }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.UNAUTHENTICATED);
    await expect(h.client.Login({ email, password: newPassword })).resolves.toMatchObject({ user: { id: user.id } });
  });

  test('When wrong current passwords reach LOGIN_MAX_FAILURES, then ChangePassword is locked for the account (even the right one), and parallel guesses are counted too', async () => {
    const { email, tokens } = await signUpAndIn(h.client, 'chpwlock');
    const auth = bearer(tokens.access_token);
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        grpcStatusOf(h.client.ChangePassword({ current_password: `Guess-Number-${i}!`, new_password: 'Brand-New-Secret-7' }, auth)),
      ),
    );
    expect(guesses.filter((c) => c === 'INVALID_ARGUMENT')).toHaveLength(5); // LOGIN_MAX_FAILURES default
    expect(guesses.filter((c) => c === 'RESOURCE_EXHAUSTED')).toHaveLength(3);
    const locked = await expectGrpcError(
      h.client.ChangePassword({ current_password: STRONG_PASSWORD, new_password: 'Brand-New-Secret-7' }, auth),
      GrpcStatus.RESOURCE_EXHAUSTED,
      'AUTH.PASSWORD_CHANGE_LOCKED',
    );
    expect(locked.meta?.retry_after_seconds).toBeGreaterThan(0);
    // sign-in is a separate counter: the owner still signs in
    await expect(h.client.Login({ email, password: STRONG_PASSWORD })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When the user edits their profile, then only the named fields change', async () => {
    const { auth } = await signUpAndIn(h.client, 'profile');
    const updated = await h.client.UpdateMe(
      { fields: ['bio', 'avatar_url'], full_name: 'ignored', bio: 'Teaches **Rust**', avatar_url: 'https://cdn.example.test/a.png' },
      auth,
    );
    expect(updated).toMatchObject({ full_name: 'profile Tester', bio: 'Teaches **Rust**', avatar_url: 'https://cdn.example.test/a.png' });
    const renamed = await h.client.UpdateMe({ fields: ['full_name'], full_name: '  Renamed  ', bio: '', avatar_url: '' }, auth);
    expect(renamed).toMatchObject({ full_name: 'Renamed', bio: 'Teaches **Rust**' });

    const err = await expectGrpcError(
      h.client.UpdateMe({ fields: ['role', 'avatar_url'], full_name: '', bio: '', avatar_url: 'javascript:alert(1)' }, auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    expect(err.fields!.map((f) => f.loc[0]).sort()).toEqual(['avatar_url', 'fields']);
  });

  test('When a self RPC is called without a token or with a forged one, then UNAUTHENTICATED', async () => {
    await expectGrpcError(h.client.GetMe({}), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_MISSING');
    await expectGrpcError(h.client.GetMe({}, { authorization: 'Basic abc' }), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_MALFORMED');
    const { tokens } = await signUpAndIn(h.client, 'forge');
    const [head, body] = tokens.access_token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${tokens.access_token.split('.')[2]}`;
    await expectGrpcError(h.client.GetMe({}, bearer(forged)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_INVALID');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`;
    await expectGrpcError(h.client.GetMe({}, bearer(none)), GrpcStatus.UNAUTHENTICATED);
  });
});
