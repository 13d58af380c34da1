import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { registerAndLogin, startAuth, type LoggedIn, type TestAuth } from './support/auth';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody, type Api, type ApiResponse } from './support/http';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function expect401(res: ApiResponse, code?: string) {
  expectErrorBody(res, 401, code);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="lms"/);
}

/** Hostile tokens and hostile input: every answer is a clear 4xx, never a 500, never a 200. */
describe('Hostile requests', () => {
  let auth: TestAuth;
  let gw: TestGateway;
  let api: Api;
  let student: LoggedIn;
  let kid: string;

  beforeAll(async () => {
    auth = await startAuth('hostile', { LOGIN_IP_MAX_FAILURES: '100000' });
    gw = await startGateway(auth.address, { BODY_LIMIT: '10kb' });
    api = gw.api;
    student = await registerAndLogin(api, 'hostile');
    kid = (await api.get('/.well-known/jwks.json')).body.keys[0].kid;
  });

  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
  });

  const claims = () => ({ sub: student.userId, role: 'student', sid: student.sessionId });

  describe('tokens', () => {
    test('When no Authorization header is sent, then 401 AUTH.TOKEN_MISSING with a Bearer challenge', async () => {
      expect401(await api.get('/api/v1/auth/me'), 'AUTH.TOKEN_MISSING');
    });

    test.each([
      ['a Basic scheme', 'Basic dXNlcjpwYXNz'],
      ['"Bearer" without a token', 'Bearer'],
      ['a token with two parts', 'Bearer abc.def'],
      ['garbage characters', 'Bearer <script>alert(1)</script>'],
      ['a token with spaces', 'Bearer a.b.c d'],
    ])('When the header has %s, then 401 AUTH.TOKEN_MALFORMED', async (_label, header) => {
      expect401(await api.get('/api/v1/auth/me', { headers: { authorization: header } }), 'AUTH.TOKEN_MALFORMED');
    });

    test('When the token says alg "none" (unsigned), then 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = `${b64url({ alg: 'none', typ: 'JWT', kid })}.${b64url({ ...claims(), iss: 'lms-auth', aud: 'lms-api', iat: now, exp: now + 600, jti: randomUUID() })}.`;
      expect401(await api.get('/api/v1/auth/me', { token }), 'AUTH.TOKEN_INVALID');
    });

    test('When the token is signed with HS256 using the public key as secret (alg confusion), then 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const jwk = (await api.get('/.well-known/jwks.json')).body.keys[0];
      const token = await new SignJWT({ role: 'admin', sid: student.sessionId })
        .setProtectedHeader({ alg: 'HS256', kid })
        .setSubject(student.userId)
        .setIssuer('lms-auth')
        .setAudience('lms-api')
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .setJti(randomUUID())
        .sign(Buffer.from(jwk.x));
      expect401(await api.get('/api/v1/users', { token }), 'AUTH.TOKEN_INVALID');
    });

    test('When the token has expired (signed by auth\'s real key), then 401 AUTH.TOKEN_EXPIRED', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await auth.signWithRealKey(claims(), { issuedAt: now - 3600, ttlSeconds: 60 });
      expect401(await api.get('/api/v1/auth/me', { token }), 'AUTH.TOKEN_EXPIRED');
    });

    test('When a real-key token is for another audience or issuer, then 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const otherAud = await auth.signWithRealKey(claims(), { issuedAt: now, ttlSeconds: 600, audience: 'another-api' });
      expect401(await api.get('/api/v1/auth/me', { token: otherAud }), 'AUTH.TOKEN_INVALID');
      const otherIss = await auth.signWithRealKey(claims(), { issuedAt: now, ttlSeconds: 600, issuer: 'evil-issuer' });
      expect401(await api.get('/api/v1/auth/me', { token: otherIss }), 'AUTH.TOKEN_INVALID');
    });

    test('When a real token\'s payload is altered (role → admin) or its signature tampered, then 401', async () => {
      const [header, payload, signature] = student.access.split('.');
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const escalated = `${header}.${b64url({ ...decoded, role: 'admin' })}.${signature}`;
      expect401(await api.get('/api/v1/users', { token: escalated }), 'AUTH.TOKEN_INVALID');
      const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
      expect401(await api.get('/api/v1/auth/me', { token: `${header}.${payload}.${flipped}` }), 'AUTH.TOKEN_INVALID');
    });

    test('When a token is signed by a foreign Ed25519 key (unknown kid, or a stolen real kid), then 401', async () => {
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const now = Math.floor(Date.now() / 1000);
      const forge = (withKid: string) =>
        new SignJWT({ role: 'admin', sid: student.sessionId })
          .setProtectedHeader({ alg: 'EdDSA', kid: withKid, typ: 'JWT' })
          .setSubject(student.userId)
          .setIssuer('lms-auth')
          .setAudience('lms-api')
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .setJti(randomUUID())
          .sign(privateKey);
      expect401(await api.get('/api/v1/users', { token: await forge('attacker-key') }), 'AUTH.TOKEN_INVALID');
      expect401(await api.get('/api/v1/users', { token: await forge(kid) }), 'AUTH.TOKEN_INVALID');
      expect(await exportJWK(privateKey)).toHaveProperty('d'); // it really was a different, private key
    });

    test('When a student calls an admin route with a valid token, then 403 AUTH.ROLE_FORBIDDEN', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/users'],
        ['POST', '/api/v1/users'],
        ['PUT', `/api/v1/users/${student.userId}`],
        ['DELETE', `/api/v1/users/${student.userId}`],
        ['POST', `/api/v1/users/${student.userId}/deactivate`],
      ]) {
        const res = await api.call(method, path, { token: student.access, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
        expectErrorBody(res, 403, 'AUTH.ROLE_FORBIDDEN');
      }
    });
  });

  describe('input', () => {
    test('When the JSON is malformed, then 400 BAD_JSON with the standard body', async () => {
      for (const raw of ['{"email": "a@b.co",', '{email: 1}', "{'a':1}", 'null', '"just a string"', '\u0000']) {
        const res = await api.call('POST', '/api/v1/auth/login', { rawBody: raw });
        const body = expectErrorBody(res, 400, 'BAD_JSON');
        expect(body.detail).toBe('Request body is not valid JSON');
      }
    });

    test('When fields have the wrong types, then 422 with one error per field', async () => {
      const res = await api.post('/api/v1/auth/register', { email: 42, password: ['x'], full_name: { a: 1 }, role: true });
      const body = expectErrorBody(res, 422, 'VALIDATION_FAILED');
      expect(body.errors.map((e: { loc: string[] }) => e.loc.join('.')).sort()).toEqual(
        ['body.email', 'body.full_name', 'body.password', 'body.role'].sort(),
      );
      expect(body.detail).toMatch(/^Validation failed: body\./);
    });

    test('When the body has unknown fields (incl. is_admin or __proto__), then 422 naming them; role admin is refused (403)', async () => {
      const res = await api.call('POST', '/api/v1/auth/register', {
        rawBody: '{"email":"x@example.com","password":"Secret-pass-1","full_name":"X","is_admin":true,"__proto__":{"role":"admin"}}',
      });
      const body = expectErrorBody(res, 422);
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { loc: ['body', 'is_admin'], msg: 'Unknown field' },
          { loc: ['body', '__proto__'], msg: 'Unknown field' },
        ]),
      );
      const admin = await api.post('/api/v1/auth/register', { email: 'y@example.com', password: 'Secret-pass-1', full_name: 'Y', role: 'admin' });
      // The seed documents role ∈ student|instructor|admin; sign-up never grants admin (docs/api-compat.md).
      expectErrorBody(admin, 403, 'AUTH.ROLE_NOT_ALLOWED');
    });

    test('When the body is larger than BODY_LIMIT, then 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await api.post('/api/v1/auth/login', { email: 'a@example.com', password: 'x'.repeat(20_000) });
      expectErrorBody(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    test('When strings exceed their caps, then 422 for each (email 254, name 100, password 128, bio 2000, url 500)', async () => {
      const longEmail = `${'a'.repeat(250)}@example.com`;
      const reg = await api.post('/api/v1/auth/register', { email: longEmail, password: `Aa1-${'x'.repeat(130)}`, full_name: 'n'.repeat(101) });
      expect(expectErrorBody(reg, 422).errors.map((e: { loc: string[] }) => e.loc[1]).sort()).toEqual(['email', 'full_name', 'password']);
      const me = await api.put(
        '/api/v1/auth/me',
        { bio: 'b'.repeat(2001), avatar_url: `https://example.com/${'p'.repeat(500)}` },
        { token: student.access },
      );
      expect(expectErrorBody(me, 422).errors.map((e: { loc: string[] }) => e.loc[1]).sort()).toEqual(['avatar_url', 'bio']);
    });

    test('When a path parameter is not a UUID, then 422 with loc ["path", "user_id"]', async () => {
      for (const bad of ['not-a-uuid', '1', "1' OR '1'='1", '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(300)]) {
        const res = await api.get(`/api/v1/users/${bad}/stats`, { token: student.access });
        expect(expectErrorBody(res, 422).errors[0].loc).toEqual(['path', 'user_id']);
      }
    });

    test('When an unauthenticated caller sends a bad UUID, then 401 comes first (nothing about the input is revealed)', async () => {
      expect401(await api.get('/api/v1/users/not-a-uuid'));
    });

    test('When pagination or filters are invalid, then 422 naming the query parameter', async () => {
      const creds = await auth.createAdmin();
      const token = (await api.post('/api/v1/auth/login', creds)).body.access_token;
      for (const [query, loc] of [
        ['page=0', 'page'],
        ['page=-1', 'page'],
        ['page=abc', 'page'],
        ['page_size=0', 'page_size'],
        ['page_size=101', 'page_size'],
        ['page_size=1.5', 'page_size'],
        ['role=superuser', 'role'],
        ['is_active=maybe', 'is_active'],
        [`search=${'s'.repeat(101)}`, 'search'],
        ['unknown=1', 'unknown'],
        ['page=1&page=2', 'page'],
      ]) {
        const res = await api.get(`/api/v1/users?${query}`, { token });
        expect([query, expectErrorBody(res, 422).errors[0].loc]).toEqual([query, ['query', loc]]);
      }
    });

    test('When the body is not JSON or is missing, then 415 or 422 — never 500', async () => {
      expectErrorBody(await api.call('POST', '/api/v1/auth/login', { rawBody: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
      const missing = await api.call('POST', '/api/v1/auth/login');
      expect(expectErrorBody(missing, 422).errors[0]).toEqual({ loc: ['body'], msg: 'Field required' });
      expect(expectErrorBody(await api.post('/api/v1/auth/login', [1, 2]), 422).errors[0].loc).toEqual(['body']);
    });

    test('When an unknown route or a wrong method is used, then 404 / 405 with the standard body', async () => {
      expectErrorBody(await api.get('/api/v1/nope'), 404, 'NOT_FOUND');
      const res = await api.call('PATCH', '/api/v1/auth/me', { token: student.access, body: {} });
      expectErrorBody(res, 405, 'METHOD_NOT_ALLOWED');
      expect(res.headers.get('allow')).toBe('GET, HEAD, PUT');
    });

    // Found by the fuzzer (issue 18): Node's HTTP parser answered a URL over 16 KB itself, a bare 431 without a body.
    test('When the URL or the headers are larger than 16 KB, then 431 with the standard error body', async () => {
      const longUrl = await api.get(`/api/v1/courses?search=${'a'.repeat(20_000)}`);
      expect(expectErrorBody(longUrl, 431, 'HEADERS_TOO_LARGE').request_id).toBeTruthy();
      expectErrorBody(await api.get('/api/v1/courses', { headers: { 'x-padding': 'b'.repeat(20_000) } }), 431, 'HEADERS_TOO_LARGE');
      // The gateway still answers afterwards (the refused connection was closed, not the server).
      expect((await api.get('/healthz')).status).toBe(200);
    });

    test('When a burst of junk hits every route, then no response is a 5xx', async () => {
      const junk: unknown[] = [{}, [], { email: null }, { email: 'a'.repeat(5000) }, { refresh_token: 123 }, { token: '' }, { a: { b: { c: { d: 1 } } } }, 'x', 0, true];
      const paths = [
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/auth/logout',
        '/api/v1/auth/password-reset/request',
        '/api/v1/auth/password-reset/confirm',
        '/api/v1/auth/verify-email',
        '/api/v1/auth/change-password',
        `/api/v1/users/${randomUUID()}`,
      ];
      const statuses = new Set<number>();
      for (const path of paths) {
        for (const body of junk) {
          for (const method of ['POST', 'PUT']) {
            const res = await api.call(method, path, { body, token: student.access });
            statuses.add(res.status);
            expect([method, path, JSON.stringify(body), res.status < 500]).toEqual([method, path, JSON.stringify(body), true]);
          }
        }
      }
      expect(statuses.has(422)).toBe(true);
    });
  });
});
