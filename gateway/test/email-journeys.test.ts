import { mailTo, waitForMail, type CapturedMail } from '@lms/kit/testing';
import { freePort, startFleet, type Fleet } from '@lms/testing-fleet';
import { login, registerAndLogin, startAuth, strongPassword, uniqueEmail, type TestAuth } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson, registerInstructor } from './support/catalog';
import { startGateway, uniquePrefix, type TestGateway } from './support/gateway';
import { startHealthStub } from './support/health-stub';
import { expectErrorBody, type Api } from './support/http';

/** The link an email carries, and its one-time token (the web app page would post it back to the API). */
function tokenFrom(mail: CapturedMail, page: 'reset-password' | 'verify-email'): string {
  const match = new RegExp(`https://app\\.lms\\.test/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in the email: ${mail.text}`);
  return match[1];
}
const isReset = (m: CapturedMail) => m.subject === 'Reset your LMS Fleet password';
const isVerification = (m: CapturedMail) => m.subject === 'Confirm your email address';

/**
 * The password-reset and verification journeys as a user lives them: over HTTP through the real gateway
 * and auth, the token read from the email the real SMTP capture server received — never from a reply
 * (EXPOSE_ONE_TIME_TOKENS is off, as in production).
 */
describe('Email journeys through the gateway (tokens only by email)', () => {
  let auth: TestAuth;
  let gw: TestGateway;
  let api: Api;
  let stub: Awaited<ReturnType<typeof startHealthStub>>;

  beforeAll(async () => {
    auth = await startAuth('email_journeys', { EXPOSE_ONE_TIME_TOKENS: 'false', APP_BASE_URL: 'https://app.lms.test' });
    stub = await startHealthStub(); // catalog's, enrollment's and quiz's routes are not used here
    gw = await startGateway(auth.address, { CATALOG_GRPC_ADDR: stub.address, ENROLLMENT_GRPC_ADDR: stub.address, QUIZ_GRPC_ADDR: stub.address });
    api = gw.api;
  });

  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
    await stub?.stop();
  });

  test('When a password reset is requested, then the reply has no token, the email does, and it sets a new password once', async () => {
    const s = await registerAndLogin(api, 'mailreset');
    const req = await api.post('/api/v1/auth/password-reset/request', { email: s.email.toUpperCase() });
    expect(req.status).toBe(202);
    expect(req.body.token).toBeNull();

    const mail = await waitForMail(s.email, isReset);
    expect(mail.html).toContain('href="https://app.lms.test/reset-password?token=');
    const token = tokenFrom(mail, 'reset-password');
    const newPassword = strongPassword();
    const ok = await api.post('/api/v1/auth/password-reset/confirm', { token, new_password: newPassword });
    expect(ok.status).toBe(200);

    expectErrorBody(await api.get('/api/v1/auth/me', { token: s.access }), 401); // every session ended
    expectErrorBody(await api.post('/api/v1/auth/login', { email: s.email, password: s.password }), 401);
    const signedIn = await login(api, s.email, newPassword);
    expect((await api.get('/api/v1/auth/me', { token: signedIn.access })).body.email_verified).toBe(true);
    const again = await api.post('/api/v1/auth/password-reset/confirm', { token, new_password: strongPassword() });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  test('When a reset is requested for an unknown address, then the reply is identical and no email goes out', async () => {
    const ghost = uniqueEmail('ghost');
    const s = await registerAndLogin(api, 'mailknown');
    const unknown = await api.post('/api/v1/auth/password-reset/request', { email: ghost });
    const known = await api.post('/api/v1/auth/password-reset/request', { email: s.email });
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    expect(unknown.body.token).toBeNull();
    expect(known.body.token).toBeNull();
    await waitForMail(s.email, isReset); // barrier: the request made after the unknown one was mailed
    expect(await mailTo(ghost)).toEqual([]);
  });

  test('When a user registers, then the verification email arrives and its token verifies the address; a resend replaces it', async () => {
    const s = await registerAndLogin(api, 'mailverify');
    const first = tokenFrom(await waitForMail(s.email, isVerification), 'verify-email');

    const resend = await api.post('/api/v1/auth/verify-email/request', undefined, { token: s.access });
    expect(resend.status).toBe(200);
    expect(resend.body.token).toBeNull();
    const second = tokenFrom(await waitForMail(s.email, (m) => isVerification(m) && !m.text.includes(first)), 'verify-email');

    const stale = await api.post('/api/v1/auth/verify-email', { token: first });
    expect(stale.status).toBeGreaterThanOrEqual(400);
    expect(stale.status).toBeLessThan(500);
    const verified = await api.post('/api/v1/auth/verify-email', { token: second });
    expect(verified.status).toBe(200);
    expect((await api.get('/api/v1/auth/me', { token: s.access })).body.email_verified).toBe(true);
  });
});

/**
 * The enrolment confirmation end to end: enrollment publishes enrollment.created, auth (on the same vhost)
 * asks catalog for the title and emails the student.
 */
describe('Enrolment confirmation email through the gateway', () => {
  let fleet: Fleet;
  let gw: TestGateway;
  let api: Api;

  beforeAll(async () => {
    const catalogPort = await freePort(); // auth needs catalog's address before catalog starts
    fleet = await startFleet({
      label: 'gw_enrol_mail',
      services: ['enrollment'],
      env: {
        auth: { APP_BASE_URL: 'https://app.lms.test', CATALOG_GRPC_ADDR: `127.0.0.1:${catalogPort}` },
        catalog: { GRPC_PORT: String(catalogPort) },
      },
    });
    gw = await startGateway(fleet.authAddress, {
      CATALOG_GRPC_ADDR: fleet.catalog!.address,
      ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address,
      QUIZ_GRPC_ADDR: fleet.enrollment!.address, // quiz routes are not used here
      REDIS_KEY_PREFIX: uniquePrefix('enrol_mail'),
    });
    api = gw.api;
  });

  afterAll(async () => {
    await gw?.stop();
    await fleet?.close();
  });

  test('When a student enrols, then they get a confirmation naming the course, with a link to it', async () => {
    const owner = await registerInstructor(api, 'mailowner');
    const title = `Transactional Email 101 (${Date.now()})`;
    const course = await createCourse(api, owner.access, { title });
    await publishLesson(api, owner.access, (await createLesson(api, owner.access, course.id)).id);
    await publishCourse(api, owner.access, course.id);

    const student = await registerAndLogin(api, 'mailstudent');
    const enrol = await api.post('/api/v1/enrollments', { course_id: course.id }, { token: student.access });
    expect(enrol.status).toBe(201);

    const mail = await waitForMail(student.email, (m) => m.subject.startsWith('You are enrolled'));
    expect(mail.subject).toBe(`You are enrolled in ${title}`);
    expect(mail.text).toContain(`https://app.lms.test/courses/${course.id}`);
    expect(mail.html).toContain('Test mailstudent');
  });
});
