import { QueryTypes } from 'sequelize';
import { createDatabase } from '@lms/kit/db';
import { testLogger } from '@lms/kit/testing';
import { runBootstrapAdmin } from '../src/cli/bootstrap-admin';
import {
  adminSession,
  captureEvents,
  expectGrpcError,
  GrpcStatus,
  loadAuthConfigForBootstrap,
  signUpAndIn,
  startAuth,
  STRONG_PASSWORD,
  uniqueEmail,
  type AuthHarness,
} from './support';

describe('auth: bootstrap-admin command (real PostgreSQL)', () => {
  let h: AuthHarness;
  let events: Awaited<ReturnType<typeof captureEvents>>;
  const logger = testLogger('bootstrap');

  beforeAll(async () => {
    h = await startAuth('bootstrap');
    events = await captureEvents(h.vhost.url, ['user.*']);
  });

  afterAll(async () => {
    await events?.close();
    await h?.close();
  });

  const run = (email: string, password = STRONG_PASSWORD) =>
    runBootstrapAdmin(
      loadAuthConfigForBootstrap(h, { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, ADMIN_FULL_NAME: 'Root Admin' }),
      logger,
    );

  test('When run twice with the same email, then the admin is created once and the second run changes nothing', async () => {
    const email = uniqueEmail('root');
    const first = await run(email);
    const second = await run(email.toUpperCase());

    expect(first).toMatchObject({ action: 'created', email: email.toLowerCase() });
    expect(second).toMatchObject({ action: 'unchanged', userId: first.userId });
    const tokens = await h.client.Login({ email, password: STRONG_PASSWORD });
    expect(tokens.user).toMatchObject({ role: 'admin', is_active: true, email_verified: true, full_name: 'Root Admin' });
    await events.waitFor((e) => e.type === 'user.registered' && e.subject === first.userId);
  });

  test('When the email belongs to a deactivated student, then it is promoted and reactivated, keeping its password', async () => {
    const admin = await adminSession(h);
    const student = await signUpAndIn(h.client, 'promoted');
    await h.client.DeactivateUser({ user_id: student.user.id }, admin.auth);

    const result = await run(student.email, 'Different-Pass-99');
    expect(result).toMatchObject({ action: 'promoted_and_reactivated', userId: student.user.id });
    const tokens = await h.client.Login({ email: student.email, password: STRONG_PASSWORD });
    expect(tokens.user).toMatchObject({ role: 'admin', is_active: true });
    await events.waitFor((e) => e.type === 'user.role_changed' && e.subject === student.user.id && e.data.changed_by === null);
    await events.waitFor((e) => e.type === 'user.activated' && e.subject === student.user.id);
    await expect(run(student.email)).resolves.toMatchObject({ action: 'unchanged' });
  });

  test('When started concurrently, then exactly one admin row exists', async () => {
    const email = uniqueEmail('concurrent');
    const results = await Promise.all([run(email), run(email), run(email)]);
    expect(new Set(results.map((r) => r.userId)).size).toBe(1);
    expect(results.filter((r) => r.action === 'created')).toHaveLength(1);
    const sequelize = createDatabase({ url: h.db.url });
    try {
      const rows = await sequelize.query('SELECT id FROM users WHERE lower(email) = lower(:email)', {
        type: QueryTypes.SELECT,
        replacements: { email },
      });
      expect(rows).toHaveLength(1);
    } finally {
      await sequelize.close();
    }
  });

  test('When the password breaks the policy or the email is invalid, then nothing is created and the problems are listed', async () => {
    const email = uniqueEmail('weakroot');
    await expect(run(email, 'password')).rejects.toMatchObject({
      kind: 'invalid_argument',
      fields: expect.arrayContaining([expect.objectContaining({ loc: ['ADMIN_PASSWORD'] })]),
    });
    await expectGrpcError(h.client.Login({ email, password: 'password' }), GrpcStatus.UNAUTHENTICATED);
    await expect(run('not-an-email')).rejects.toMatchObject({ kind: 'invalid_argument' });
  });
});
