import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { login, registerAndLogin, startAuth, strongPassword, uniqueEmail, type TestAuth } from './support/auth';
import { startGateway, type TestGateway } from './support/gateway';
import { startHealthStub } from './support/health-stub';
import { expectErrorBody, type Api } from './support/http';

/** End-to-end journeys over HTTP: real gateway → real auth (gRPC) → real PostgreSQL/RabbitMQ/Redis. */
describe('Journeys through the gateway', () => {
  let auth: TestAuth;
  let gw: TestGateway;
  let api: Api;
  let admin: { email: string; password: string; access: string };
  let catalogStub: Awaited<ReturnType<typeof startHealthStub>>;

  beforeAll(async () => {
    auth = await startAuth('journeys');
    catalogStub = await startHealthStub(); // catalog's routes are covered by the catalog-* suites
    // catalog's, enrollment's and quiz's routes are covered by their own suites: one health stub stands in for all three
    gw = await startGateway(auth.address, {
      CATALOG_GRPC_ADDR: catalogStub.address,
      ENROLLMENT_GRPC_ADDR: catalogStub.address,
      QUIZ_GRPC_ADDR: catalogStub.address,
    });
    api = gw.api;
    const creds = await auth.createAdmin();
    const session = await login(api, creds.email, creds.password);
    admin = { ...creds, access: session.access };
  });

  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
    await catalogStub?.stop();
  });

  test('When a student registers, logs in, refreshes and replays the old refresh token, then the whole session is revoked', async () => {
    const email = uniqueEmail('Journey');
    const password = strongPassword();

    const reg = await api.post('/api/v1/auth/register', { email, password, full_name: 'Ada Lovelace' });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ email: email.toLowerCase(), full_name: 'Ada Lovelace', role: 'student', is_active: true });
    expect(Object.keys(reg.body).sort()).toEqual(
      ['avatar_url', 'bio', 'created_at', 'email', 'email_verified', 'full_name', 'id', 'is_active', 'last_login_at', 'phone', 'role', 'updated_at'].sort(),
    );

    const first = await api.post('/api/v1/auth/login', { email, password });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'bearer', user: { email: email.toLowerCase() } });
    expect(first.body.expires_in).toBeGreaterThan(0);
    expect(first.headers.get('cache-control')).toBe('no-store');

    const me = await api.get('/api/v1/auth/me', { token: first.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(reg.body.id);

    const rotated = await api.post('/api/v1/auth/refresh', { refresh_token: first.body.refresh_token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(rotated.body.session_id).toBe(first.body.session_id);
    expect((await api.get('/api/v1/auth/me', { token: rotated.body.access_token })).status).toBe(200);

    // The old refresh token comes back: theft is assumed and the family dies.
    const reuse = await api.post('/api/v1/auth/refresh', { refresh_token: first.body.refresh_token });
    expectErrorBody(reuse, 401);
    expect(reuse.headers.get('www-authenticate')).toMatch(/^Bearer/);

    expectErrorBody(await api.post('/api/v1/auth/refresh', { refresh_token: rotated.body.refresh_token }), 401);
    const refused = await api.get('/api/v1/auth/me', { token: rotated.body.access_token });
    expectErrorBody(refused, 401, 'AUTH.TOKEN_REVOKED');
    expectErrorBody(await api.get('/api/v1/auth/me', { token: first.body.access_token }), 401, 'AUTH.TOKEN_REVOKED');

    // A fresh login works and logout ends it.
    const again = await login(api, email, password);
    const out = await api.post('/api/v1/auth/logout', undefined, { token: again.access });
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expectErrorBody(await api.get('/api/v1/auth/me', { token: again.access }), 401);
    expectErrorBody(await api.post('/api/v1/auth/refresh', { refresh_token: again.refresh }), 401);
  });

  test('When a user has two sessions, then both are listed with the current one marked, and logout-all ends both', async () => {
    const ua = { 'user-agent': 'journey-test/1.0' };
    const a = await registerAndLogin(api, 'sessions', ua);
    const b = await login(api, a.email, a.password, ua);

    const list = await api.get('/api/v1/auth/sessions', { token: b.access });
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    const current = list.body.sessions.find((s: { current: boolean }) => s.current);
    expect(current.id).toBe(b.sessionId);
    expect(current.ip).toBe('127.0.0.1'); // the client IP travelled through the gateway's context
    expect(current.user_agent).toBe('journey-test/1.0');

    expect((await api.post('/api/v1/auth/logout-all', undefined, { token: b.access })).status).toBe(204);
    expectErrorBody(await api.get('/api/v1/auth/me', { token: a.access }), 401);
    expectErrorBody(await api.get('/api/v1/auth/me', { token: b.access }), 401);
  });

  test('When a student updates only the bio, then only the bio changes (partial update)', async () => {
    const s = await registerAndLogin(api, 'profile');
    const res = await api.put('/api/v1/auth/me', { bio: 'Counts things.' }, { token: s.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bio: 'Counts things.', full_name: 'Test profile', avatar_url: null });
    const res2 = await api.put('/api/v1/auth/me', { avatar_url: 'https://example.com/a.png' }, { token: s.access });
    expect(res2.body).toMatchObject({ bio: 'Counts things.', avatar_url: 'https://example.com/a.png' });
  });

  test('When an admin changes a student to instructor, then the old token is refused and a new login carries the new role', async () => {
    const s = await registerAndLogin(api, 'promote');
    const res = await api.put(`/api/v1/users/${s.userId}`, { role: 'instructor' }, { token: admin.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.userId, role: 'instructor', full_name: 'Test promote' });

    expectErrorBody(await api.get('/api/v1/auth/me', { token: s.access }), 401);
    const again = await login(api, s.email, s.password);
    const me = await api.get('/api/v1/auth/me', { token: again.access });
    expect(me.body.role).toBe('instructor');
  });

  test('When an admin manages users, then list, create (201), get, stats and delete (204) work with the right codes', async () => {
    const email = uniqueEmail('created');
    const created = await api.post(
      '/api/v1/users',
      { email, password: strongPassword(), full_name: 'Made By Admin', role: 'instructor' },
      { token: admin.access },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'instructor' });
    const id = created.body.id;

    const dup = await api.post('/api/v1/users', { email, password: strongPassword(), full_name: 'Again', role: 'student' }, { token: admin.access });
    expectErrorBody(dup, 409);

    const page = await api.get(`/api/v1/users?search=${encodeURIComponent(email)}&page_size=5`, { token: admin.access });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, page_size: 5, total_pages: 1 });
    expect(page.body.users[0].id).toBe(id);
    const instructors = await api.get('/api/v1/users?role=instructor&is_active=true', { token: admin.access });
    expect(instructors.body.users.every((u: { role: string }) => u.role === 'instructor')).toBe(true);

    expect((await api.get(`/api/v1/users/${id}`, { token: admin.access })).body.email).toBe(email);
    const stats = await api.get(`/api/v1/users/${id}/stats`, { token: admin.access });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ user_id: id, active_sessions: 0 });

    const del = await api.delete(`/api/v1/users/${id}`, { token: admin.access });
    expect(del.status).toBe(204);
    expectErrorBody(await api.get(`/api/v1/users/${id}`, { token: admin.access }), 404);
    expectErrorBody(await api.delete(`/api/v1/users/${randomUUID()}`, { token: admin.access }), 404);
  });

  test('When a student reads their own user and stats, then it works; another user or the admin list is refused', async () => {
    const s = await registerAndLogin(api, 'self');
    const other = await registerAndLogin(api, 'other');
    expect((await api.get(`/api/v1/users/${s.userId}`, { token: s.access })).status).toBe(200);
    expect((await api.get(`/api/v1/users/${s.userId}/stats`, { token: s.access })).body.active_sessions).toBe(1);
    // Someone else's account is "not found" for a student (API.md: 404 for what the caller may not know exists).
    expectErrorBody(await api.get(`/api/v1/users/${other.userId}`, { token: s.access }), 404);
    expectErrorBody(await api.get(`/api/v1/users/${other.userId}/stats`, { token: s.access }), 404);
    expectErrorBody(await api.get('/api/v1/users', { token: s.access }), 403, 'AUTH.ROLE_FORBIDDEN');
  });

  test('When an admin deactivates a user, then their token and login are refused until reactivated', async () => {
    const s = await registerAndLogin(api, 'deact');
    const off = await api.post(`/api/v1/users/${s.userId}/deactivate`, undefined, { token: admin.access });
    expect(off.status).toBe(200);
    expect(off.body.is_active).toBe(false);

    expectErrorBody(await api.get('/api/v1/auth/me', { token: s.access }), 401);
    const denied = await api.post('/api/v1/auth/login', { email: s.email, password: s.password });
    expectErrorBody(denied, 403, 'AUTH.ACCOUNT_DISABLED');
    expectErrorBody(await api.post('/api/v1/auth/refresh', { refresh_token: s.refresh }), 401);

    const on = await api.post(`/api/v1/users/${s.userId}/activate`, undefined, { token: admin.access });
    expect(on.body.is_active).toBe(true);
    const back = await login(api, s.email, s.password);
    expect((await api.get('/api/v1/auth/me', { token: back.access })).status).toBe(200);
  });

  test('When a password is reset, then unknown emails get the same 202, the token sets a new password and old sessions end', async () => {
    const s = await registerAndLogin(api, 'reset');
    const unknown = await api.post('/api/v1/auth/password-reset/request', { email: uniqueEmail('nobody') });
    expect(unknown.status).toBe(202);
    expect(unknown.body.token).toBeNull();

    const req = await api.post('/api/v1/auth/password-reset/request', { email: s.email.toUpperCase() });
    expect(req.status).toBe(202);
    expect(Object.keys(req.body).sort()).toEqual(['expires_at', 'token']);
    expect(typeof req.body.token).toBe('string'); // auth exposes it outside production (NODE_ENV=test)

    const newPassword = strongPassword();
    const bad = await api.post('/api/v1/auth/password-reset/confirm', { token: 'not-a-real-token', new_password: newPassword });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);

    const ok = await api.post('/api/v1/auth/password-reset/confirm', { token: req.body.token, new_password: newPassword });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ detail: 'Password has been reset' });

    expectErrorBody(await api.get('/api/v1/auth/me', { token: s.access }), 401);
    expectErrorBody(await api.post('/api/v1/auth/login', { email: s.email, password: s.password }), 401);
    await login(api, s.email, newPassword);
    // single use
    const again = await api.post('/api/v1/auth/password-reset/confirm', { token: req.body.token, new_password: strongPassword() });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  test('When a user changes their password, then 204, the other session ends and the new password works', async () => {
    const a = await registerAndLogin(api, 'chpw');
    const b = await login(api, a.email, a.password);
    const wrong = await api.post('/api/v1/auth/change-password', { current_password: 'Wrong-pass-1', new_password: strongPassword() }, { token: b.access });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);

    const newPassword = strongPassword();
    const res = await api.post('/api/v1/auth/change-password', { current_password: a.password, new_password: newPassword }, { token: b.access });
    expect(res.status).toBe(204);
    expectErrorBody(await api.get('/api/v1/auth/me', { token: a.access }), 401);
    await login(api, a.email, newPassword);
  });

  test('When a logged-in user asks for an email verification token, then verifying it marks the email verified', async () => {
    const s = await registerAndLogin(api, 'verify');
    const issued = await api.post('/api/v1/auth/verify-email/request', undefined, { token: s.access });
    expect(issued.status).toBe(200);
    expect(typeof issued.body.token).toBe('string');
    const verified = await api.post('/api/v1/auth/verify-email', { token: issued.body.token });
    expect(verified.status).toBe(200);
    expect((await api.get('/api/v1/auth/me', { token: s.access })).body.email_verified).toBe(true);
  });

  test('When /.well-known/jwks.json is fetched, then its keys verify a real access token and it is cacheable for 5 minutes', async () => {
    const s = await registerAndLogin(api, 'jwks');
    const res = await api.get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body.keys.length).toBeGreaterThan(0);
    for (const key of res.body.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
      expect(key).not.toHaveProperty('d'); // never a private part
      expect(Object.values(key)).not.toContain('');
    }
    const { payload } = await jwtVerify(s.access, createLocalJWKSet(res.body), { issuer: 'lms-auth', audience: 'lms-api' });
    expect(payload.sub).toBe(s.userId);
  });

  test('When a create is retried with the same Idempotency-Key, then the first response is replayed, not a second create', async () => {
    const key = randomUUID();
    const body = { email: uniqueEmail('idem'), password: strongPassword(), full_name: 'Idem Potent' };
    const first = await api.post('/api/v1/auth/register', body, { headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    const second = await api.post('/api/v1/auth/register', body, { headers: { 'Idempotency-Key': key } });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);

    const changed = await api.post('/api/v1/auth/register', { ...body, full_name: 'Someone Else' }, { headers: { 'Idempotency-Key': key } });
    expectErrorBody(changed, 422, 'IDEMPOTENCY_KEY_REUSED');
    // Without the key the duplicate is the service's conflict.
    expectErrorBody(await api.post('/api/v1/auth/register', body), 409);
  });

  test('When a request carries a sane X-Request-Id, then it is echoed and used in errors; an unsafe one is replaced', async () => {
    const mine = await api.get('/api/v1/auth/me', { headers: { 'X-Request-Id': 'client-req-42' } });
    expect(mine.headers.get('x-request-id')).toBe('client-req-42');
    expect(mine.body.request_id).toBe('client-req-42');
    const unsafe = await api.get('/healthz', { headers: { 'X-Request-Id': 'bad id with spaces <script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('When the gateway process can serve, then /readyz is 200 and names no dependency (issue 10 B1, A9)', async () => {
    const res = await api.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { process: { ok: true } } });
  });
});
