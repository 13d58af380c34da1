import { waitForMail } from '@lms/kit/testing';
import {
  adminSession,
  bearer,
  expectGrpcError,
  GrpcStatus,
  isVerificationMail,
  linkToken,
  signUpAndIn,
  startAuth,
  STRONG_PASSWORD,
  uniqueEmail,
  type AuthHarness,
} from './support';

describe('auth: rotation cap, should_logout, phone and email change (issue 12 items 7–8; gRPC, real PostgreSQL/Redis/SMTP)', () => {
  let h: AuthHarness;

  beforeAll(async () => {
    h = await startAuth('issue12_auth', { REFRESH_MAX_ROTATIONS: '3', REFRESH_REUSE_GRACE_SECONDS: '0', APP_BASE_URL: 'http://app.lms.test' });
  });

  afterAll(async () => {
    await h?.close();
  });

  test('When a session has rotated REFRESH_MAX_ROTATIONS times, then the next refresh is refused (should_logout), the session is revoked and signing in again works', async () => {
    const { email, tokens } = await signUpAndIn(h.client, 'rotations');
    let refresh = tokens.refresh_token;
    for (let i = 0; i < 3; i += 1) refresh = (await h.client.Refresh({ refresh_token: refresh })).refresh_token;
    const refused = await expectGrpcError(h.client.Refresh({ refresh_token: refresh }), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_MAX_ROTATIONS');
    expect(refused.meta).toEqual({ should_logout: true });
    expect((await h.client.ListSessions({}, bearer(tokens.access_token)).catch((err: Error) => err)) instanceof Error).toBe(true);
    const again = await h.client.Login({ email, password: STRONG_PASSWORD });
    await expect(h.client.Refresh({ refresh_token: again.refresh_token })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When a refresh is refused as invalid or reused, then the error carries should_logout: true', async () => {
    const invalid = await expectGrpcError(h.client.Refresh({ refresh_token: 'x'.repeat(43) }), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_INVALID');
    expect(invalid.meta).toEqual({ should_logout: true });
    const { tokens } = await signUpAndIn(h.client, 'reuse');
    await h.client.Refresh({ refresh_token: tokens.refresh_token });
    const reused = await expectGrpcError(h.client.Refresh({ refresh_token: tokens.refresh_token }), GrpcStatus.UNAUTHENTICATED, 'AUTH.REFRESH_REUSED');
    expect(reused.meta).toEqual({ should_logout: true });
  });

  test('When a user sets a phone, then it is normalised and shown; an invalid one is refused; "" clears it', async () => {
    const { auth } = await signUpAndIn(h.client, 'phone');
    const set = await h.client.UpdateMe({ fields: ['phone'], phone: '+20 100 123-4567' }, auth);
    expect(set.phone).toBe('+201001234567');
    for (const bad of ['12345', '+0123456789', 'call me maybe', '+1234567890123456789012']) {
      const err = await expectGrpcError(h.client.UpdateMe({ fields: ['phone'], phone: bad }, auth), GrpcStatus.INVALID_ARGUMENT);
      expect(err.fields?.[0]?.loc).toEqual(['phone']);
    }
    expect((await h.client.UpdateMe({ fields: ['phone'], phone: '' }, auth)).phone).toBe('');
  });

  test('When a user changes their own email, then the current password is required, the new address is unverified and gets the verification email', async () => {
    const { auth, user } = await signUpAndIn(h.client, 'selfmail');
    const other = await signUpAndIn(h.client, 'taken');
    const next = uniqueEmail('newaddr').toLowerCase();
    await expectGrpcError(
      h.client.UpdateMe({ fields: ['email'], email: next, current_password: 'Wrong-Passw0rd!' }, auth),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.WRONG_PASSWORD',
    );
    await expectGrpcError(
      h.client.UpdateMe({ fields: ['email'], email: other.email, current_password: STRONG_PASSWORD }, auth),
      GrpcStatus.ALREADY_EXISTS,
      'AUTH.EMAIL_TAKEN',
    );
    await h.client.VerifyEmail({ token: linkToken(await waitForMail(user!.email, isVerificationMail), 'verify-email') });
    const changed = await h.client.UpdateMe({ fields: ['email', 'phone'], email: next, phone: '+4915112345678', current_password: STRONG_PASSWORD }, auth);
    expect(changed).toMatchObject({ email: next, email_verified: false, phone: '+4915112345678' });
    await h.client.VerifyEmail({ token: linkToken(await waitForMail(next, isVerificationMail), 'verify-email') });
    await expect(h.client.GetMe({}, auth)).resolves.toMatchObject({ email: next, email_verified: true });
    await expect(h.client.Login({ email: next, password: STRONG_PASSWORD })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When an admin changes a user email and phone, then no password is needed, the address is unverified, a taken one is refused; stats show role and status', async () => {
    const admin = await adminSession(h);
    const target = await signUpAndIn(h.client, 'target');
    const other = await signUpAndIn(h.client, 'other');
    const next = uniqueEmail('byadmin').toLowerCase();
    const changed = await h.client.UpdateUser({ user_id: target.user!.id, fields: ['email', 'phone'], email: next, phone: '+12025550123' }, admin.auth);
    expect(changed).toMatchObject({ email: next, email_verified: false, phone: '+12025550123' });
    const verified = await h.client.UpdateUser({ user_id: target.user!.id, fields: ['email', 'email_verified'], email: uniqueEmail('v'), email_verified: true }, admin.auth);
    expect(verified.email_verified).toBe(true);
    await expectGrpcError(
      h.client.UpdateUser({ user_id: target.user!.id, fields: ['email'], email: other.email }, admin.auth),
      GrpcStatus.ALREADY_EXISTS,
      'AUTH.EMAIL_TAKEN',
    );
    await expectGrpcError(h.client.UpdateMe({ fields: ['role'], role: 'admin' } as never, target.auth), GrpcStatus.INVALID_ARGUMENT);
    const stats = await h.client.GetUserStats({ user_id: target.user!.id }, admin.auth);
    expect(stats).toMatchObject({ user_id: target.user!.id, role: 'student', is_active: true, email_verified: true });
  });
});
