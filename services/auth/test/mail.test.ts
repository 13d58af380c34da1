import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { eventually, mailTo, queueDepth, testEnv, waitForMail, type CapturedMail } from '@lms/kit/testing';
import { eventPublisher, freePort, startFleet, type Fleet } from '@lms/testing-fleet';
import { MAIL_QUEUES } from '../src/events/mail.consumer';
import { TokenSealer } from '../src/infra/token-sealer';
import { parkingLotQueue } from '@lms/kit/events';
import { expectGrpcError, fromIp, GrpcStatus, isVerificationMail as isVerification, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthClient, type AuthHarness } from './support';

const tokenIn = (mail: CapturedMail, page: 'reset-password' | 'verify-email') => {
  const match = new RegExp(`http://app\\.lms\\.test/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in: ${mail.text}`);
  expect(mail.html).toContain(`href="${match[0]}"`);
  return match[1];
};
const isReset = (m: CapturedMail) => m.subject === 'Reset your LMS Fleet password';

describe('auth: transactional email through the real SMTP capture server (outbox → auth.mail.* consumers → SMTP)', () => {
  let fleet: Fleet<'teacher'>;
  let client: AuthClient;

  beforeAll(async () => {
    // Catalog on a port picked beforehand so auth can ask it for course titles (enrolment confirmation).
    const catalogPort = await freePort();
    fleet = await startFleet({
      label: 'auth_mail',
      services: ['catalog'],
      env: {
        auth: { APP_BASE_URL: 'http://app.lms.test', CATALOG_GRPC_ADDR: `127.0.0.1:${catalogPort}` },
        catalog: { GRPC_PORT: String(catalogPort) },
      },
      users: { teacher: ['instructor', 'teacher'] },
    });
    client = fleet.authClient;
  });

  afterAll(async () => {
    await fleet?.close();
  });

  test('When a user registers, then a verification email arrives (no token in the reply) and its link verifies the address', async () => {
    const { email, auth, user } = await signUpAndIn(client, 'verify');
    expect(user).toMatchObject({ email_verified: false });
    const mail = await waitForMail(email, isVerification);
    expect(mail.from).toContain('no-reply@localhost');
    expect(mail.text).toContain('verify Tester');
    await client.VerifyEmail({ token: tokenIn(mail, 'verify-email') });
    await expect(client.GetMe({}, auth)).resolves.toMatchObject({ email_verified: true });
  });

  test('When verification is requested again, then a second email arrives and only its token works (the first was replaced)', async () => {
    const { email, auth } = await signUpAndIn(client, 'resend');
    const first = tokenIn(await waitForMail(email, isVerification), 'verify-email');
    const issued = await client.RequestEmailVerification({}, auth);
    expect(issued.token).toBe(''); // EXPOSE_ONE_TIME_TOKENS is off: the token travels by email only
    const second = tokenIn(await waitForMail(email, (m) => isVerification(m) && !m.text.includes(first)), 'verify-email');
    await expectGrpcError(client.VerifyEmail({ token: first }), GrpcStatus.INVALID_ARGUMENT, 'AUTH.VERIFICATION_TOKEN_INVALID');
    await client.VerifyEmail({ token: second });
  });

  test('When a reset is requested, then the email carries a working token: the new password signs in, the old one does not', async () => {
    const { email } = await signUpAndIn(client, 'reset');
    const reply = await client.RequestPasswordReset({ email: email.toUpperCase() });
    expect(reply.token).toBe('');
    const token = tokenIn(await waitForMail(email, isReset), 'reset-password');
    await client.ConfirmPasswordReset({ token, new_password: 'Mailed-Reset-2024' });
    await expect(client.Login({ email, password: 'Mailed-Reset-2024' })).resolves.toMatchObject({ user: { email_verified: true } });
    await expectGrpcError(client.Login({ email, password: STRONG_PASSWORD }), GrpcStatus.UNAUTHENTICATED);
  });

  test('When a reset is asked for an unknown address, then the reply is the same and no email is sent to it', async () => {
    const ghost = uniqueEmail('ghost');
    const { email } = await signUpAndIn(client, 'known');
    const unknownReply = await client.RequestPasswordReset({ email: ghost });
    const knownReply = await client.RequestPasswordReset({ email });
    expect(Object.keys(unknownReply).sort()).toEqual(Object.keys(knownReply).sort());
    expect(unknownReply.token).toBe(knownReply.token); // both empty
    expect(Math.abs(Date.parse(unknownReply.expires_at) - Date.parse(knownReply.expires_at))).toBeLessThan(5_000);
    await waitForMail(email, isReset); // barrier: the request made after the unknown one has been mailed
    expect(await mailTo(ghost)).toEqual([]);
  });

  test('When a deactivated account asks for a reset, then the reply is the same and nothing is sent', async () => {
    const { email, user } = await signUpAndIn(client, 'inactive');
    await waitForMail(email, isVerification);
    await client.DeactivateUser({ user_id: user.id }, fleet.admin!.auth);
    await client.RequestPasswordReset({ email });
    const { email: barrier } = await signUpAndIn(client, 'barrier');
    await client.RequestPasswordReset({ email: barrier });
    await waitForMail(barrier, isReset);
    expect((await mailTo(email)).filter(isReset)).toEqual([]);
  });

  test('When a spent refresh token is presented again, then the session ends and a security alert is emailed', async () => {
    const { email, tokens } = await signUpAndIn(client, 'alert');
    await fromIp('10.20.0.1', () => client.Refresh({ refresh_token: tokens.refresh_token }));
    await expectGrpcError(
      fromIp('10.20.0.2', () => client.Refresh({ refresh_token: tokens.refresh_token })),
      GrpcStatus.UNAUTHENTICATED,
      'AUTH.REFRESH_REUSED',
    );
    const alert = await waitForMail(email, (m) => m.subject.startsWith('Security alert'));
    expect(alert.text).toContain('10.20.0.2');
    expect(alert.text).toContain('http://app.lms.test/forgot-password');
  });

  test('When enrollment.created arrives, then the student gets a confirmation naming the course (title from catalog, escaped in HTML)', async () => {
    const teacher = fleet.users.teacher;
    const title = `Intro <b>& مقدمة</b> ${randomUUID().slice(0, 6)}`;
    const catalog = fleet.catalog!.client;
    const course = await catalog.CreateCourse({ title, description: 'About things', category: 'Testing', difficulty_level: 'beginner', price_cents: 0 }, teacher.auth);
    const lesson = await catalog.CreateLesson({ course_id: course.id, title: 'Lesson one', lesson_type: 'text', content: '# Hi', duration_minutes: 5 }, teacher.auth);
    await catalog.PublishLesson({ lesson_id: lesson.id }, teacher.auth);
    await catalog.PublishCourse({ course_id: course.id }, teacher.auth);
    const { email, user } = await signUpAndIn(client, 'learner');
    const events = await eventPublisher(fleet.vhost.url, 'lms/enrollment');
    try {
      const data = { enrollment_id: randomUUID(), student_id: user.id, course_id: course.id, enrolled_at: new Date().toISOString() };
      await events.publish(events.event('enrollment.created', data.enrollment_id, data));
    } finally {
      await events.close();
    }
    const mail = await waitForMail(email, (m) => m.subject.startsWith('You are enrolled'));
    expect(mail.subject).toBe(`You are enrolled in ${title}`);
    expect(mail.text).toContain(`http://app.lms.test/courses/${course.id}`);
    expect(mail.html).toContain('Intro &lt;b&gt;&amp; مقدمة&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>&');
  });

  test('When a sealed token does not open (another secret) or is malformed, then the event is parked and nothing is sent', async () => {
    const { email, user } = await signUpAndIn(client, 'forged');
    await waitForMail(email, isVerification);
    const parked = parkingLotQueue(MAIL_QUEUES.passwordReset);
    const before = await queueDepth(fleet.vhost.url, parked);
    const foreign = new TokenSealer('a-completely-different-secret-4f9a2c7e1b');
    const now = new Date();
    const fact = (sealed: string) => ({ user_id: user.id, sealed_token: sealed, expires_at: new Date(now.getTime() + 3600_000).toISOString(), requested_at: now.toISOString() });
    const events = await eventPublisher(fleet.vhost.url, 'lms/auth');
    try {
      await events.publish(events.event('password_reset.requested', user.id, fact(foreign.seal('x'.repeat(43), { userId: user.id, purpose: 'password_reset' }))));
      await events.publish(events.event('password_reset.requested', user.id, fact('not-a-sealed-token')));
    } finally {
      await events.close();
    }
    await eventually(async () => expect(await queueDepth(fleet.vhost.url, parked)).toBe(before + 2), 30_000, 200);
    expect((await mailTo(email)).filter(isReset)).toEqual([]);
  });
});

describe('auth: email while the mail server is down', () => {
  let h: AuthHarness;
  let smtp: net.Server;
  let attempts = 0;
  let up = false;

  beforeAll(async () => {
    // A stand-in on SMTP_URL's port: while "down" it drops every connection; once "up" it forwards to the capture server.
    const port = await freePort();
    const capture = new URL(testEnv.smtpUrl);
    smtp = net.createServer((socket) => {
      attempts++;
      if (!up) return socket.destroy();
      const upstream = net.connect(Number(capture.port), capture.hostname);
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    h = await startAuth('mail_down', { SMTP_URL: `smtp://127.0.0.1:${port}`, EVENT_RETRY_BASE_MS: '300', EVENT_MAX_RETRIES: '6' });
  });

  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => smtp?.close(resolve));
  });

  test('When SMTP refuses, then the email is retried with backoff and delivered once the server is back', async () => {
    const { email } = await signUpAndIn(h.client, 'outage');
    await h.client.RequestPasswordReset({ email });
    await eventually(() => expect(attempts).toBeGreaterThanOrEqual(3), 20_000, 50); // the first sends and at least one retry of each email failed
    expect(await mailTo(email)).toEqual([]);
    up = true;
    const mail = await waitForMail(email, isReset, 30_000);
    const token = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
    await h.client.ConfirmPasswordReset({ token, new_password: 'After-Outage-2024' });
    await expect(h.client.Login({ email, password: 'After-Outage-2024' })).resolves.toBeDefined();
  });
});
