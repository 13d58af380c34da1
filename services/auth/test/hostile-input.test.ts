import { randomUUID } from 'node:crypto';
import { adminSession, expectGrpcError, GrpcStatus, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthHarness } from './support';

/** Whatever a client sends, the answer is a precise INVALID_ARGUMENT (or an auth error), never INTERNAL. */
describe('auth: hostile input (gRPC)', () => {
  let h: AuthHarness;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  let user: Awaited<ReturnType<typeof signUpAndIn>>;
  const huge = 'x'.repeat(300_000);

  beforeAll(async () => {
    h = await startAuth('hostile');
    admin = await adminSession(h);
    user = await signUpAndIn(h.client, 'hostile');
  });

  afterAll(async () => {
    await h?.close();
  });

  test('When registering with empty, huge or malformed fields, then INVALID_ARGUMENT naming each field', async () => {
    const empty = await expectGrpcError(h.client.Register({}), GrpcStatus.INVALID_ARGUMENT);
    expect(empty.fields!.map((f) => f.loc[0]).sort()).toEqual(['email', 'full_name', 'password']);

    const cases: Record<string, object> = {
      email: { email: `${'a'.repeat(250)}@x.io`, password: STRONG_PASSWORD, full_name: 'A' },
      'email ': { email: 'a@b', password: STRONG_PASSWORD, full_name: 'A' },
      password: { email: uniqueEmail(), password: `Aa1!${'b'.repeat(200)}`, full_name: 'A' },
      full_name: { email: uniqueEmail(), password: STRONG_PASSWORD, full_name: 'N'.repeat(101) },
      'full_name ': { email: uniqueEmail(), password: STRONG_PASSWORD, full_name: 'Bad\u0000Name' },
      'password ': { email: uniqueEmail(), password: huge, full_name: 'A' },
      'email  ': { email: huge, password: STRONG_PASSWORD, full_name: 'A' },
    };
    for (const [field, request] of Object.entries(cases)) {
      const err = await expectGrpcError(h.client.Register(request), GrpcStatus.INVALID_ARGUMENT);
      expect(err.fields!.map((f) => f.loc[0])).toContain(field.trim());
    }
  });

  test('When signing in with huge or empty values, then INVALID_ARGUMENT and no lockout bookkeeping blows up', async () => {
    await expectGrpcError(h.client.Login({ email: huge, password: huge }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.Login({ email: '', password: '' }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.Login({ email: "'or'1'='1'--@x.io", password: 'x' }), GrpcStatus.UNAUTHENTICATED);
  });

  test('When ids are not UUIDs, then INVALID_ARGUMENT', async () => {
    for (const id of ['', 'not-a-uuid', "1' OR '1'='1", huge, `${randomUUID()}x`]) {
      await expectGrpcError(h.client.GetUser({ user_id: id }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
      await expectGrpcError(h.client.DeactivateUser({ user_id: id }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
      await expectGrpcError(h.client.GetUserStats({ user_id: id }, user.auth), GrpcStatus.INVALID_ARGUMENT);
    }
    await expectGrpcError(h.client.UpdateUser({ user_id: 'nope', fields: ['bio'], bio: 'x' }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When profile fields are too long or badly formed, then INVALID_ARGUMENT', async () => {
    const bad = [
      { fields: ['bio'], bio: 'b'.repeat(2001) },
      { fields: ['avatar_url'], avatar_url: `https://x.io/${'a'.repeat(500)}` },
      { fields: ['avatar_url'], avatar_url: 'ftp://x.io/a.png' },
      { fields: ['full_name'], full_name: '   ' },
      { fields: Array.from({ length: 1000 }, () => 'bio') },
      { fields: [huge] },
    ];
    for (const request of bad) await expectGrpcError(h.client.UpdateMe(request, user.auth), GrpcStatus.INVALID_ARGUMENT);
    await expect(h.client.UpdateMe({ fields: [] }, user.auth)).resolves.toMatchObject({ id: user.user.id });
  });

  test('When searches and tokens contain SQL or wildcards, then they are data, not code', async () => {
    await expect(h.client.ListUsers({ search: "'; DROP TABLE users; --" }, admin.auth)).resolves.toMatchObject({ total: 0 });
    await expect(h.client.ListUsers({ search: '\\' }, admin.auth)).resolves.toMatchObject({ total: 0 });
    await expectGrpcError(h.client.ListUsers({ search: huge }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.VerifyEmail({ token: huge }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.VerifyEmail({ token: '' }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.ConfirmPasswordReset({ token: "a'b", new_password: STRONG_PASSWORD }), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.Logout({ refresh_token: huge }, user.auth), GrpcStatus.INVALID_ARGUMENT);
    // (metadata itself is capped by HTTP/2 header limits, so a 4 KB bearer is the largest that reaches us)
    await expectGrpcError(h.client.GetMe({}, { authorization: `Bearer ${'x'.repeat(4000)}` }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.GetMe({}, { authorization: `Bearer a.${'b'.repeat(4000)}.c` }), GrpcStatus.UNAUTHENTICATED);
  });
});
