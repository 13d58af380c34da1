import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { grpcStatusOf } from '@lms/kit/testing';
import {
  adminSession,
  bearer,
  captureEvents,
  expectGrpcError,
  fromIp,
  GrpcStatus,
  signUpAndIn,
  startAuth,
  STRONG_PASSWORD,
  uniqueEmail,
  type AuthHarness,
} from './support';

describe('auth: registration and sign-in (gRPC, real PostgreSQL/RabbitMQ/Redis)', () => {
  let h: AuthHarness;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    h = await startAuth('register', {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_IP_MAX_FAILURES: '4',
      LOGIN_LOCK_SECONDS: '60',
      LOGIN_ACCOUNT_SLOWDOWN_MS: '300',
    });
    events = await captureEvents(h.vhost.url, ['user.registered']);
  });

  afterAll(async () => {
    await events?.close();
    await h?.close();
  });

  test('When someone registers, then a student is created and user.registered leaves through the outbox as a CloudEvent', async () => {
    const email = uniqueEmail('reg');
    const user = await h.client.Register({ email, password: STRONG_PASSWORD, full_name: '  Grace Hopper ', role: '' });

    expect(user).toMatchObject({
      email: email.toLowerCase(),
      full_name: 'Grace Hopper',
      role: 'student',
      is_active: true,
      email_verified: false,
      last_login_at: '',
    });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    const { event, properties } = await events.waitFor((e) => e.subject === user.id);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'user.registered',
      source: 'lms/auth',
      subject: user.id,
      datacontenttype: 'application/json',
      dataschema: 'urn:lms:events:user.registered:v1',
      data: {
        user_id: user.id,
        email: email.toLowerCase(),
        full_name: 'Grace Hopper',
        role: 'student',
        registered_at: user.created_at,
        created_by: null,
      },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.time)).not.toBeNaN();
    expect(properties.messageId).toBe(event.id);
    expect(properties.contentType).toBe('application/cloudevents+json');
  });

  test('When the email is already taken in another letter case, then registration fails with ALREADY_EXISTS', async () => {
    const email = uniqueEmail('dup');
    await h.client.Register({ email, password: STRONG_PASSWORD, full_name: 'First', role: '' });
    await expectGrpcError(
      h.client.Register({ email: email.toUpperCase(), password: STRONG_PASSWORD, full_name: 'Second', role: '' }),
      GrpcStatus.ALREADY_EXISTS,
      'AUTH.EMAIL_TAKEN',
    );
  });

  test('When a public request asks for the admin role, then it is refused with PERMISSION_DENIED', async () => {
    await expectGrpcError(
      h.client.Register({ email: uniqueEmail('evil'), password: STRONG_PASSWORD, full_name: 'Mallory', role: 'admin' }),
      GrpcStatus.PERMISSION_DENIED,
      'AUTH.ROLE_NOT_ALLOWED',
    );
  });

  test('When instructor sign-up is not allowed, then asking for instructor is refused and an unknown role is INVALID_ARGUMENT', async () => {
    await expectGrpcError(
      h.client.Register({ email: uniqueEmail('inst'), password: STRONG_PASSWORD, full_name: 'Ian', role: 'instructor' }),
      GrpcStatus.PERMISSION_DENIED,
      'AUTH.ROLE_NOT_ALLOWED',
    );
    const err = await expectGrpcError(
      h.client.Register({ email: uniqueEmail('x'), password: STRONG_PASSWORD, full_name: 'X', role: 'superuser' }),
      GrpcStatus.INVALID_ARGUMENT,
    );
    expect(err.fields).toEqual([{ loc: ['role'], msg: expect.any(String) }]);
  });

  test('When the password is weak, then registration is INVALID_ARGUMENT listing every unmet rule of the password field', async () => {
    const err = await expectGrpcError(
      h.client.Register({ email: uniqueEmail('weak'), password: 'short', full_name: 'Weak', role: '' }),
      GrpcStatus.INVALID_ARGUMENT,
      'VALIDATION_FAILED',
    );
    expect(err.fields!.length).toBeGreaterThanOrEqual(3);
    expect(err.fields!.every((f) => f.loc[0] === 'password')).toBe(true);
  });

  test('When signing in, then the access token is an EdDSA JWT with kid, sub, role, sid, jti, iss, aud and exp', async () => {
    const { user, tokens } = await signUpAndIn(h.client, 'jwt');

    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: h.config.ACCESS_TOKEN_TTL_SECONDS });
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const header = decodeProtectedHeader(tokens.access_token);
    expect(header.alg).toBe('EdDSA');
    const jwks = await h.client.GetJwks({});
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ sub: user.id, role: 'student', sid: tokens.session_id, iss: 'lms-auth', aud: 'lms-api' });
    expect(claims.exp! - claims.iat!).toBe(h.config.ACCESS_TOKEN_TTL_SECONDS);
    expect(typeof claims.jti).toBe('string');
    expect(tokens.user!.last_login_at).not.toBe('');

    const me = await h.client.GetMe({}, bearer(tokens.access_token));
    expect(me.id).toBe(user.id);
  });

  test('When the password is wrong or the email unknown, then both answers are the same UNAUTHENTICATED error', async () => {
    const { email } = await signUpAndIn(h.client, 'same');
    const wrong = await expectGrpcError(
      h.client.Login({ email, password: 'Wrong-Password-1' }),
      GrpcStatus.UNAUTHENTICATED,
      'AUTH.INVALID_CREDENTIALS',
    );
    const unknown = await expectGrpcError(
      h.client.Login({ email: uniqueEmail('nobody'), password: 'Wrong-Password-1' }),
      GrpcStatus.UNAUTHENTICATED,
      'AUTH.INVALID_CREDENTIALS',
    );
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.fields).toEqual(wrong.fields);
  });

  test('When an account fails LOGIN_MAX_FAILURES times, then it is locked (even for the right password) with retry_after_seconds', async () => {
    const { email } = await signUpAndIn(h.client, 'lock');
    for (let i = 0; i < 3; i++) {
      await expectGrpcError(h.client.Login({ email, password: 'Wrong-Password-1' }), GrpcStatus.UNAUTHENTICATED);
    }
    const locked = await expectGrpcError(
      h.client.Login({ email, password: STRONG_PASSWORD }),
      GrpcStatus.RESOURCE_EXHAUSTED,
      'AUTH.LOGIN_LOCKED',
    );
    expect(locked.meta?.retry_after_seconds).toBeGreaterThan(0);
    expect(locked.meta?.retry_after_seconds).toBeLessThanOrEqual(60);
  });

  test('When someone fails 5+ times from IP A, then A is locked for that account but the admin signs in with the right password from IP B', async () => {
    const admin = await adminSession(h);
    const attacker = `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const owner = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(await fromIp(attacker, () => grpcStatusOf(h.client.Login({ email: admin.email, password: `Wrong-Guess-${i}!` }))));
    }
    expect(outcomes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED']);
    // the attacker's IP stays locked for this account, even with the right password
    await fromIp(attacker, () =>
      expectGrpcError(h.client.Login({ email: admin.email, password: STRONG_PASSWORD }), GrpcStatus.RESOURCE_EXHAUSTED, 'AUTH.LOGIN_LOCKED'),
    );
    // the owner, from another IP, gets in — only slowed down while the account is under attack
    const started = Date.now();
    await expect(fromIp(owner, () => h.client.Login({ email: admin.email, password: STRONG_PASSWORD }))).resolves.toMatchObject({
      token_type: 'bearer',
      user: { role: 'admin' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('When many wrong guesses arrive at once, then at most LOGIN_MAX_FAILURES of them are checked (the throttle is atomic)', async () => {
    const { email } = await signUpAndIn(h.client, 'parallel');
    const ip = `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const codes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => fromIp(ip, () => grpcStatusOf(h.client.Login({ email, password: `Parallel-Guess-${i}!` })))),
    );
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RESOURCE_EXHAUSTED')).toHaveLength(9);
  });

  test('When a successful sign-in follows a few failures, then the account counter starts over', async () => {
    const { email } = await signUpAndIn(h.client, 'reset');
    for (let i = 0; i < 2; i++) await expectGrpcError(h.client.Login({ email, password: 'Nope-Nope-1' }), GrpcStatus.UNAUTHENTICATED);
    await h.client.Login({ email, password: STRONG_PASSWORD });
    for (let i = 0; i < 2; i++) await expectGrpcError(h.client.Login({ email, password: 'Nope-Nope-1' }), GrpcStatus.UNAUTHENTICATED);
    await expect(h.client.Login({ email, password: STRONG_PASSWORD })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When one client IP fails across many accounts, then that IP is locked while other IPs still sign in', async () => {
    const { email } = await signUpAndIn(h.client, 'ipvictim');
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 4; i++) {
      await fromIp(ip, () =>
        expectGrpcError(h.client.Login({ email: uniqueEmail('spray'), password: 'Guess-123!' }), GrpcStatus.UNAUTHENTICATED),
      );
    }
    await fromIp(ip, () =>
      expectGrpcError(h.client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.RESOURCE_EXHAUSTED, 'AUTH.LOGIN_LOCKED'),
    );
    await expect(fromIp('10.250.0.1', () => h.client.Login({ email, password: STRONG_PASSWORD }))).resolves.toMatchObject({
      token_type: 'bearer',
    });
  });

  test('When a deactivated account signs in, then a right password gets ACCOUNT_DISABLED and a wrong one the generic error', async () => {
    const admin = await adminSession(h);
    const { email, user } = await signUpAndIn(h.client, 'disabled');
    await h.client.DeactivateUser({ user_id: user.id }, admin.auth);

    await expectGrpcError(h.client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.PERMISSION_DENIED, 'AUTH.ACCOUNT_DISABLED');
    await expectGrpcError(h.client.Login({ email, password: 'Wrong-Password-1' }), GrpcStatus.UNAUTHENTICATED, 'AUTH.INVALID_CREDENTIALS');
  });

  test('When a deleted account signs in, then it is refused and the email can be registered again', async () => {
    const admin = await adminSession(h);
    const { email, user } = await signUpAndIn(h.client, 'deleted');
    await h.client.DeleteUser({ user_id: user.id }, admin.auth);

    await expectGrpcError(h.client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.PERMISSION_DENIED, 'AUTH.ACCOUNT_DISABLED');
    const again = await h.client.Register({ email, password: STRONG_PASSWORD, full_name: 'New Owner', role: '' });
    expect(again.id).not.toBe(user.id);
    await expect(h.client.Login({ email, password: STRONG_PASSWORD })).resolves.toMatchObject({ user: { id: again.id } });
  });

  test('When BatchGetUsers is called with a valid token, then public profiles of existing users come back in order', async () => {
    const a = await signUpAndIn(h.client, 'batcha');
    const b = await signUpAndIn(h.client, 'batchb');
    const result = await h.client.BatchGetUsers({ ids: [b.user.id, randomUUID(), a.user.id, b.user.id] }, a.auth);
    expect(result.items).toEqual([
      { id: b.user.id, full_name: 'batchb Tester', bio: '', avatar_url: '', role: 'student' },
      { id: a.user.id, full_name: 'batcha Tester', bio: '', avatar_url: '', role: 'student' },
    ]);
    // anonymous callers (the public catalogue) get teaching profiles only, never students
    await expect(h.client.BatchGetUsers({ ids: [a.user.id] })).resolves.toEqual({ items: [] });
    const admin = await adminSession(h);
    await expect(h.client.BatchGetUsers({ ids: [admin.userId, a.user.id] })).resolves.toMatchObject({
      items: [{ id: admin.userId, role: "admin" }],
    });
    await expectGrpcError(h.client.BatchGetUsers({ ids: [a.user.id] }, { authorization: 'Bearer x.y.z' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.BatchGetUsers({ ids: ['not-a-uuid'] }, a.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(
      h.client.BatchGetUsers({ ids: Array.from({ length: 101 }, () => randomUUID()) }, a.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
  });
});
