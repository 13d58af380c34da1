import {
  bearer,
  expectGrpcError,
  GrpcStatus,
  signUpAndIn,
  startAuth,
  STRONG_PASSWORD,
  uniqueEmail,
  type AuthHarness,
} from './support';

describe('auth: password reset and email verification (gRPC, real PostgreSQL/Redis)', () => {
  let h: AuthHarness;
  let shortLived: AuthHarness;
  let production: AuthHarness;
  let development: AuthHarness;

  beforeAll(async () => {
    // Only the harnesses that read the tokens turn the explicit test switch on.
    [h, shortLived, production, development] = await Promise.all([
      startAuth('recovery', { LOGIN_MAX_FAILURES: '2', EXPOSE_ONE_TIME_TOKENS: 'true' }),
      startAuth('recovery_ttl', { PASSWORD_RESET_TTL_SECONDS: '1', EMAIL_VERIFICATION_TTL_SECONDS: '1', EXPOSE_ONE_TIME_TOKENS: 'true' }),
      startAuth('recovery_prod', {
        NODE_ENV: 'production',
        INTERNAL_SERVICE_SECRET: 'Hk7-Rt2_Wp9Zx4Lm8Qv3Nb6Jc1Ys5Fd0G', // the kit's production guard for internal calls
        SIGNING_KEY_ENCRYPTION_SECRET: 'Zq4-vN8x_Lm2Tw7Kp3Rj9Hb5Yc1Fd6Gs0Ua',
      }),
      startAuth('recovery_dev', { NODE_ENV: 'development' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([h?.close(), shortLived?.close(), production?.close(), development?.close()]);
  });

  test('When a reset is confirmed, then the new password works, the old does not, every session ends and the token is single-use', async () => {
    const { email, tokens, user } = await signUpAndIn(h.client, 'reset');
    const issued = await h.client.RequestPasswordReset({ email: email.toUpperCase() });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(issued.expires_at) - Date.now()).toBeGreaterThan(3500_000);

    await h.client.ConfirmPasswordReset({ token: issued.token, new_password: 'Fresh-Start-2024' });

    await expectGrpcError(h.client.GetMe({}, bearer(tokens.access_token)), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
    await expectGrpcError(h.client.Refresh({ refresh_token: tokens.refresh_token }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.UNAUTHENTICATED);
    const signedIn = await h.client.Login({ email, password: 'Fresh-Start-2024' });
    expect(signedIn.user).toMatchObject({ id: user.id, email_verified: true });

    await expectGrpcError(
      h.client.ConfirmPasswordReset({ token: issued.token, new_password: 'Another-One-2025' }),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.RESET_TOKEN_INVALID',
    );
  });

  test('When a reset is requested for an unknown email, then the answer looks like success and carries no token', async () => {
    const issued = await h.client.RequestPasswordReset({ email: uniqueEmail('ghost') });
    expect(issued.token).toBe('');
    expect(Date.parse(issued.expires_at)).toBeGreaterThan(Date.now());
    await expectGrpcError(h.client.RequestPasswordReset({ email: 'not an email' }), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When a second reset is requested, then the first token no longer works', async () => {
    const { email } = await signUpAndIn(h.client, 'twice');
    const first = await h.client.RequestPasswordReset({ email });
    const second = await h.client.RequestPasswordReset({ email });
    await expectGrpcError(
      h.client.ConfirmPasswordReset({ token: first.token, new_password: 'Fresh-Start-2024' }),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.RESET_TOKEN_INVALID',
    );
    await h.client.ConfirmPasswordReset({ token: second.token, new_password: 'Fresh-Start-2024' });
  });

  test('When a locked-out user resets the password, then the lock is lifted', async () => {
    const { email } = await signUpAndIn(h.client, 'locked');
    for (let i = 0; i < 2; i++) await expectGrpcError(h.client.Login({ email, password: 'Wrong-Guess-1' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.RESOURCE_EXHAUSTED);
    const issued = await h.client.RequestPasswordReset({ email });
    await h.client.ConfirmPasswordReset({ token: issued.token, new_password: 'Fresh-Start-2024' });
    await expect(h.client.Login({ email, password: 'Fresh-Start-2024' })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When the new password breaks the policy or the token is garbage, then INVALID_ARGUMENT', async () => {
    const { email } = await signUpAndIn(h.client, 'policy');
    const issued = await h.client.RequestPasswordReset({ email });
    const err = await expectGrpcError(
      h.client.ConfirmPasswordReset({ token: issued.token, new_password: 'alllowercase' }),
      GrpcStatus.INVALID_ARGUMENT,
    );
    expect(err.fields!.every((f) => f.loc[0] === 'new_password')).toBe(true);
    await expectGrpcError(
      h.client.ConfirmPasswordReset({ token: 'Z'.repeat(43), new_password: 'Fresh-Start-2024' }),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.RESET_TOKEN_INVALID',
    );
    // the good token was not spent by the failed attempt
    await h.client.ConfirmPasswordReset({ token: issued.token, new_password: 'Fresh-Start-2024' });
  });

  test('When a reset token has expired, then it is refused', async () => {
    const { email } = await signUpAndIn(shortLived.client, 'expired');
    const issued = await shortLived.client.RequestPasswordReset({ email });
    await new Promise((r) => setTimeout(r, 1200));
    await expectGrpcError(
      shortLived.client.ConfirmPasswordReset({ token: issued.token, new_password: 'Fresh-Start-2024' }),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.RESET_TOKEN_EXPIRED',
    );
  });

  test('When the email is verified with its token, then email_verified is set and the token is single-use', async () => {
    const { auth } = await signUpAndIn(h.client, 'verify');
    const issued = await h.client.RequestEmailVerification({}, auth);
    expect(issued.token).not.toBe('');
    await h.client.VerifyEmail({ token: issued.token });

    await expect(h.client.GetMe({}, auth)).resolves.toMatchObject({ email_verified: true });
    await expectGrpcError(h.client.VerifyEmail({ token: issued.token }), GrpcStatus.INVALID_ARGUMENT, 'AUTH.VERIFICATION_TOKEN_INVALID');
    await expectGrpcError(h.client.RequestEmailVerification({}, auth), GrpcStatus.FAILED_PRECONDITION, 'AUTH.EMAIL_ALREADY_VERIFIED');
    await expectGrpcError(h.client.RequestEmailVerification({}), GrpcStatus.UNAUTHENTICATED);
  });

  test('When a verification token has expired, then it is refused and the email stays unverified', async () => {
    const { auth } = await signUpAndIn(shortLived.client, 'verifyexp');
    const issued = await shortLived.client.RequestEmailVerification({}, auth);
    await new Promise((r) => setTimeout(r, 1200));
    await expectGrpcError(
      shortLived.client.VerifyEmail({ token: issued.token }),
      GrpcStatus.INVALID_ARGUMENT,
      'AUTH.VERIFICATION_TOKEN_EXPIRED',
    );
    await expect(shortLived.client.GetMe({}, auth)).resolves.toMatchObject({ email_verified: false });
  });

  test('When running in production, then one-time tokens are never returned in the response', async () => {
    const { email, auth } = await signUpAndIn(production.client, 'prod');
    await expect(production.client.RequestPasswordReset({ email })).resolves.toMatchObject({ token: '' });
    await expect(production.client.RequestEmailVerification({}, auth)).resolves.toMatchObject({ token: '' });
  });

  test('When NODE_ENV is development or test without EXPOSE_ONE_TIME_TOKENS, then one-time tokens are not returned either', async () => {
    for (const harness of [development, production]) {
      const { email, auth } = await signUpAndIn(harness.client, 'noexpose');
      await expect(harness.client.RequestPasswordReset({ email })).resolves.toMatchObject({ token: '' });
      await expect(harness.client.RequestEmailVerification({}, auth)).resolves.toMatchObject({ token: '' });
    }
  });
});
