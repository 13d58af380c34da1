import { decodeJwt } from 'jose';
import { CLASSROOM_USERS, PASSWORD, startFleet, type Fleet } from '@lms/testing-fleet';
import { login, registerAndLogin, uniqueEmail, type LoggedIn } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody, type Api, type ApiResponse } from './support/http';

/**
 * Issue 12 items 7–8 through the gateway against the real auth, catalog and enrollment: the rotation cap,
 * the HttpOnly refresh cookie and its CSRF rule, token-status, should_logout, phone, email change and
 * the user stats composed from auth, catalog and enrollment.
 */
describe('gateway: sessions as the seed designs them, phone, email change, user stats', () => {
  let fleet: Fleet<keyof typeof CLASSROOM_USERS>;
  let gw: TestGateway;
  let api: Api;
  let teacher: LoggedIn;
  let student: LoggedIn;
  let otherStudent: LoggedIn;
  let admin: LoggedIn;
  const APP = 'https://app.lms.test';

  const ok = (res: ApiResponse, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
    return res.body;
  };
  const signIn = (u: { email: string }) => login(api, u.email, PASSWORD);
  const cookieOf = (res: ApiResponse) => res.headers.getSetCookie().find((c) => c.startsWith('refresh_token='));
  const tokenIn = (setCookie: string | undefined) => /^refresh_token=([^;]*)/.exec(setCookie ?? '')?.[1] ?? '';
  const fromApp = (cookie: string, extra: Record<string, string> = {}) => ({
    headers: { cookie: `theme=dark; refresh_token=${cookie}`, 'x-requested-with': 'XMLHttpRequest', origin: APP, ...extra },
  });

  beforeAll(async () => {
    fleet = await startFleet({
      label: 'gw_issue12_sessions',
      services: ['enrollment'],
      users: CLASSROOM_USERS,
      env: { auth: { REFRESH_MAX_ROTATIONS: '3', REFRESH_REUSE_GRACE_SECONDS: '0' } },
    });
    gw = await startGateway(fleet.authAddress, {
      CATALOG_GRPC_ADDR: fleet.catalog!.address,
      ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address,
      CORS_ORIGINS: APP,
    });
    api = gw.api;
    [teacher, student, otherStudent] = await Promise.all([signIn(fleet.users.instructor), signIn(fleet.users.student), signIn(fleet.users.otherStudent)]);
    admin = { ...teacher, access: fleet.admin.auth.authorization.replace(/^Bearer /, ''), userId: fleet.admin.userId };
  }, 120_000);

  afterAll(async () => {
    await gw?.stop();
    await fleet?.close();
  });

  test('When a session has rotated REFRESH_MAX_ROTATIONS times, then the next refresh is 401 AUTH.REFRESH_MAX_ROTATIONS with should_logout, and signing in again works', async () => {
    const user = await registerAndLogin(api, 'rotations');
    let refresh = user.refresh;
    for (let i = 0; i < 3; i += 1) refresh = ok(await api.post('/api/v1/auth/refresh', { refresh_token: refresh }), 200, `rotation ${i + 1}`).refresh_token;
    const refused = expectErrorBody(await api.post('/api/v1/auth/refresh', { refresh_token: refresh }), 401, 'AUTH.REFRESH_MAX_ROTATIONS');
    expect(refused).toMatchObject({ should_logout: true, detail: 'Maximum token rotations reached. Please login again.' });
    expectErrorBody(await api.get('/api/v1/auth/me', { token: user.access }), 401); // the session is revoked
    const again = await login(api, user.email, user.password);
    ok(await api.post('/api/v1/auth/refresh', { refresh_token: again.refresh }), 200, 'refresh after signing in again');
  });

  test('When refresh tokens are refused, then the error body has should_logout where the seed has it (true; false only for a superseded token)', async () => {
    const missing = expectErrorBody(await api.post('/api/v1/auth/refresh'), 401, 'AUTH.REFRESH_INVALID');
    expect(missing.should_logout).toBe(true);
    const invalid = expectErrorBody(await api.post('/api/v1/auth/refresh', { refresh_token: 'x'.repeat(43) }), 401, 'AUTH.REFRESH_INVALID');
    expect(Object.keys(invalid).sort()).toEqual(['code', 'detail', 'request_id', 'should_logout']);
    expect(invalid.should_logout).toBe(true);
    const user = await registerAndLogin(api, 'reuse');
    ok(await api.post('/api/v1/auth/refresh', { refresh_token: user.refresh }), 200, 'rotate');
    expect(expectErrorBody(await api.post('/api/v1/auth/refresh', { refresh_token: user.refresh }), 401, 'AUTH.REFRESH_REUSED').should_logout).toBe(true);
    // other errors keep the one format without the field
    expect(expectErrorBody(await api.get('/api/v1/auth/me', { token: 'a.b.c' }), 401)).not.toHaveProperty('should_logout');
  });

  test('When a browser signs in with ?cookie=true, then the refresh token lives in an HttpOnly Secure SameSite=Strict cookie that rotates, needs the CSRF proof and is cleared on logout', async () => {
    const user = await registerAndLogin(api, 'cookie');
    const signedIn = await api.post('/api/v1/auth/login?cookie=true', { email: user.email, password: user.password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.refresh_token).toBeNull();
    const set = cookieOf(signedIn)!;
    expect(set).toMatch(/^refresh_token=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=\d+$/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(set)![1]);
    expect(Math.abs(Date.now() / 1000 + maxAge - Date.parse(signedIn.body.refresh_expires_at) / 1000)).toBeLessThan(5);
    const first = tokenIn(set);

    // cross-site: no custom header, a foreign Origin, a cross-site fetch → 403, the cookie untouched
    const csrf = (res: ApiResponse) => expect(expectErrorBody(res, 403, 'AUTH.CSRF_REJECTED')).not.toHaveProperty('should_logout');
    csrf(await api.post('/api/v1/auth/refresh', undefined, { headers: { cookie: `refresh_token=${first}`, origin: APP } }));
    csrf(await api.post('/api/v1/auth/refresh', undefined, fromApp(first, { origin: 'https://evil.example' })));
    csrf(await api.post('/api/v1/auth/refresh', undefined, fromApp(first, { 'sec-fetch-site': 'cross-site' })));
    const { origin: _, ...noOrigin } = fromApp(first).headers;
    csrf(await api.post('/api/v1/auth/refresh', undefined, { headers: { ...noOrigin, referer: 'https://evil.example/page' } }));

    // the application's own page: rotated, a new cookie, no token in the body
    const rotated = await api.post('/api/v1/auth/refresh', undefined, fromApp(first));
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ refresh_token: null, token_type: 'bearer', session_id: signedIn.body.session_id });
    const second = tokenIn(cookieOf(rotated));
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    // the gateway's own origin, and a request without Origin (same-origin GET-less clients) with the header, work too
    const ownOrigin = await api.post('/api/v1/auth/refresh', undefined, fromApp(second, { origin: gw.base }));
    ok(ownOrigin, 200, 'own origin');
    const third = tokenIn(cookieOf(ownOrigin));
    const sameOrigin = await api.post('/api/v1/auth/refresh', undefined, { headers: { cookie: `refresh_token=${third}`, 'x-requested-with': 'fetch' } });
    ok(sameOrigin, 200, 'no Origin header');
    const fourth = tokenIn(cookieOf(sameOrigin));

    const logout = await api.post('/api/v1/auth/logout', undefined, { ...fromApp(fourth), token: sameOrigin.body.access_token });
    expect(logout.status).toBe(204);
    expect(cookieOf(logout)).toBe('refresh_token=; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=0');
    const after = await api.post('/api/v1/auth/refresh', undefined, fromApp(fourth));
    expect(expectErrorBody(after, 401, 'AUTH.REFRESH_INVALID').should_logout).toBe(true);
    expect(cookieOf(after)).toMatch(/Max-Age=0$/); // a refused cookie is cleared
  });

  test('When a trusted origin preflights a cookie refresh, then CORS allows X-Requested-With with credentials; another origin gets no CORS grant', async () => {
    const preflight = (origin: string) =>
      fetch(`${gw.base}/api/v1/auth/refresh`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-requested-with,content-type' },
      });
    const trusted = await preflight(APP);
    expect(trusted.headers.get('access-control-allow-origin')).toBe(APP);
    expect(trusted.headers.get('access-control-allow-credentials')).toBe('true');
    expect(trusted.headers.get('access-control-allow-headers')).toMatch(/X-Requested-With/i);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  test('When a client asks for token-status, then it gets the access token expiry, the seconds left and should_refresh (< 300 s left)', async () => {
    const res = await api.get('/api/v1/auth/token-status', { token: student.access });
    const body = ok(res, 200, 'token-status');
    const exp = decodeJwt(student.access).exp!;
    expect(body).toMatchObject({ valid: true, user_id: student.userId, expires_at: new Date(exp * 1000).toISOString() });
    expect(Math.abs(body.time_remaining_seconds - (exp - Date.now() / 1000))).toBeLessThanOrEqual(2);
    expect(body.time_remaining_seconds).toBeGreaterThan(300); // a fresh token (ACCESS_TOKEN_TTL_SECONDS 900)
    expect(body.should_refresh).toBe(false);
    expectErrorBody(await api.get('/api/v1/auth/token-status'), 401);
  });

  test('When users set a phone, then it is validated (E.164-ish), normalised and shown; admins can set it too', async () => {
    const user = await registerAndLogin(api, 'phone');
    const set = ok(await api.put('/api/v1/auth/me', { phone: '+20 (100) 123-4567' }, { token: user.access }), 200, 'phone');
    expect(set.phone).toBe('+201001234567');
    for (const bad of ['12345', '+0123456789', 'not a phone', '+123456789012345678901']) {
      const refused = expectErrorBody(await api.put('/api/v1/auth/me', { phone: bad }, { token: user.access }), 422);
      expect(refused.errors[0].loc).toEqual(['body', 'phone']);
    }
    expect(ok(await api.get('/api/v1/auth/me', { token: user.access }), 200, 'me').phone).toBe('+201001234567');
    expect(ok(await api.put(`/api/v1/users/${user.userId}`, { phone: '' }, { token: admin.access }), 200, 'admin clears').phone).toBeNull();
  });

  test('When the email changes, then self needs the current password (422 without/wrong), a taken address is 409, and the new one is unverified; admins need no password', async () => {
    const user = await registerAndLogin(api, 'mailchange');
    const other = await registerAndLogin(api, 'mailtaken');
    const next = uniqueEmail('newmail').toLowerCase();
    const without = expectErrorBody(await api.put('/api/v1/auth/me', { email: next }, { token: user.access }), 422);
    expect(without.errors[0].loc).toEqual(['body', 'current_password']);
    expectErrorBody(await api.put('/api/v1/auth/me', { email: next, current_password: 'Wrong-Passw0rd!' }, { token: user.access }), 422, 'AUTH.WRONG_PASSWORD');
    expectErrorBody(await api.put('/api/v1/auth/me', { email: other.email, current_password: user.password }, { token: user.access }), 409, 'AUTH.EMAIL_TAKEN');
    const changed = ok(await api.put('/api/v1/auth/me', { email: next, current_password: user.password }, { token: user.access }), 200, 'self change');
    expect(changed).toMatchObject({ email: next, email_verified: false });
    await login(api, next, user.password);

    const byAdmin = uniqueEmail('byadmin').toLowerCase();
    const adminChanged = ok(await api.put(`/api/v1/users/${user.userId}`, { email: byAdmin, email_verified: true }, { token: admin.access }), 200, 'admin change');
    expect(adminChanged).toMatchObject({ email: byAdmin, email_verified: true });
    expectErrorBody(await api.put(`/api/v1/users/${user.userId}`, { email: other.email }, { token: admin.access }), 409, 'AUTH.EMAIL_TAKEN');
    expectErrorBody(await api.put(`/api/v1/users/${user.userId}`, { email: 'not-an-email' }, { token: admin.access }), 422);
  });

  test('When courses and enrolments exist, then /users/{id}/stats counts them (admin or self); another student gets 404', async () => {
    const courses = [await createCourse(api, teacher.access), await createCourse(api, teacher.access)];
    const lesson = await createLesson(api, teacher.access, courses[0].id, { title: 'Only lesson', content: '# hi' });
    await publishLesson(api, teacher.access, lesson.id);
    await publishCourse(api, teacher.access, courses[0].id);
    const before = ok(await api.get(`/api/v1/users/${student.userId}/stats`, { token: student.access }), 200, 'student stats').enrollments_count;
    ok(await api.post('/api/v1/enrollments', { course_id: courses[0].id }, { token: student.access }), 201, 'enrol');

    const own = ok(await api.get(`/api/v1/users/${student.userId}/stats`, { token: student.access }), 200, 'student stats');
    expect(own).toMatchObject({ user_id: student.userId, role: 'student', is_active: true, courses_count: 0, enrollments_count: before + 1 });
    expect(own.active_sessions).toBeGreaterThan(0);
    const teacherOwn = ok(await api.get(`/api/v1/users/${teacher.userId}/stats`, { token: teacher.access }), 200, 'teacher stats');
    expect(teacherOwn.role).toBe('instructor');
    expect(teacherOwn.courses_count).toBeGreaterThanOrEqual(2);
    expect(teacherOwn.enrollments_count).toBe(0);
    const byAdmin = ok(await api.get(`/api/v1/users/${teacher.userId}/stats`, { token: admin.access }), 200, 'admin stats');
    expect(byAdmin).toMatchObject({ courses_count: teacherOwn.courses_count, enrollments_count: 0 });
    // An admin sees another user's enrolments too (enrollment's CountStudentEnrollments, admin-only for others).
    expect(ok(await api.get(`/api/v1/users/${student.userId}/stats`, { token: admin.access }), 200, 'admin on student').enrollments_count).toBe(before + 1);

    expectErrorBody(await api.get(`/api/v1/users/${student.userId}/stats`, { token: otherStudent.access }), 404);
    expectErrorBody(await api.get(`/api/v1/users/${student.userId}/stats`, { token: teacher.access }), 404);
  });
});
