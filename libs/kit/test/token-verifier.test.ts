import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { SignJWT, type JWK } from 'jose';
import { RevocationStore, TokenVerifier, requireRole, bearerToken } from '../src/auth';
import { testEnv } from '../src/testing';
import { AUD, ISS, keyPair, sign, type SigningKey } from './signing';

describe('TokenVerifier', () => {
  const redis = new Redis(testEnv.redisUrl, { lazyConnect: false });
  const revocations = new RevocationStore(redis, `lms:test:${randomUUID()}:`);
  let published: JWK[] = [];
  let fetches = 0;
  const verifier = new TokenVerifier({
    issuer: ISS,
    audience: AUD,
    fetchJwks: async () => {
      fetches++;
      return { keys: published };
    },
    revocations,
    minRefreshIntervalMs: 0,
  });
  let key: SigningKey;

  beforeAll(async () => {
    key = await keyPair('k1');
    published = [key.jwk];
  });
  afterAll(() => redis.quit());

  test('When the token is valid, then the caller is returned', async () => {
    const caller = await verifier.verify(`Bearer ${await sign(key, { role: 'instructor' })}`);
    expect(caller.role).toBe('instructor');
    expect(caller.userId).toMatch(/-/);
  });

  test.each([
    ['missing', undefined, 'AUTH.TOKEN_MISSING'],
    ['not bearer', 'Basic abc', 'AUTH.TOKEN_MALFORMED'],
    ['garbage', 'Bearer not-a-jwt', 'AUTH.TOKEN_MALFORMED'],
  ])('When the header is %s, then it is refused', async (_, header, code) => {
    await expect(verifier.verify(header)).rejects.toMatchObject({ kind: 'unauthenticated', code });
  });

  test('When the token uses alg none, then it is refused', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ sub: randomUUID(), role: 'admin', sid: 's', jti: 'j', iat: now, exp: now + 600, iss: ISS, aud: AUD })).toString('base64url');
    await expect(verifier.verify(`Bearer ${header}.${payload}.`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When the token is expired, then it is refused as expired', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await sign(key, {}, { iat: past - 900, exp: past });
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  test('When the payload is tampered with, then the signature check fails', async () => {
    const [h, p, s] = (await sign(key)).split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    await expect(verifier.verify(`Bearer ${h}.${forged}.${s}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When the token is signed by a foreign key with a known kid, then it is refused', async () => {
    const foreign = await keyPair('k1');
    await expect(verifier.verify(`Bearer ${await sign(foreign)}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When a new key appears (unknown kid), then the JWKS is refetched once and the token accepted', async () => {
    const rotated = await keyPair('k2');
    published = [key.jwk, rotated.jwk];
    const before = fetches;
    await expect(verifier.verify(`Bearer ${await sign(rotated)}`)).resolves.toMatchObject({ role: 'student' });
    expect(fetches).toBe(before + 1);
  });

  test('When a verified token expires, then its remembered verification does not outlive it', async () => {
    const token = await sign(key, {}, { exp: Math.floor(Date.now() / 1000) + 1 });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toBeTruthy();
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toBeTruthy(); // served from the cache
    await new Promise((r) => setTimeout(r, 2100));
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  test('When the audience or issuer is wrong, then it is refused', async () => {
    const token = await new SignJWT({ role: 'student', sid: 's' })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setSubject(randomUUID()).setJti(randomUUID()).setIssuer(ISS).setAudience('someone-else').setIssuedAt().setExpirationTime('5m')
      .sign(key.privateKey);
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When the session or the user is revoked, then a still-valid token is refused', async () => {
    const sid = randomUUID();
    const token = await sign(key, { sid });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toBeTruthy();
    await revocations.revokeSessions([sid], 60);
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });

    const sub = randomUUID();
    const userToken = await sign(key, { sub });
    await revocations.revokeUserTokens(sub, Math.floor(Date.now() / 1000), 60);
    await expect(verifier.verify(`Bearer ${userToken}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });
  });

  test('When a role is not allowed, then requireRole refuses with 403 semantics', () => {
    const caller = { userId: 'u', role: 'student' as const, sessionId: 's', tokenId: 't', issuedAt: 0, expiresAt: 0 };
    expect(() => requireRole(caller, 'admin')).toThrow(expect.objectContaining({ kind: 'permission_denied' }));
    expect(() => requireRole(caller, 'admin', 'student')).not.toThrow();
    expect(bearerToken('bearer a.b.c')).toBe('a.b.c');
  });
});
