import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { TokenVerifier } from '@lms/kit/auth';
import { accessTokenClaims } from '../src/domain/tokens';
import { AccessTokenSigner } from '../src/infra/access-token.signer';
import { KeyEncryption } from '../src/infra/key-encryption';
import { PasswordHasher } from '../src/infra/password-hasher';

async function keyPair(kid: string): Promise<{ privateKey: KeyLike; jwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } };
}

describe('access tokens, key encryption and password hashing (unit)', () => {
  const options = { issuer: 'lms-auth', audience: 'lms-api', ttlSeconds: 900 };
  let ours: Awaited<ReturnType<typeof keyPair>>;
  let foreign: Awaited<ReturnType<typeof keyPair>>;
  let signer: AccessTokenSigner;
  let verifier: TokenVerifier;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => accessTokenClaims(randomUUID(), 'student', randomUUID());

  beforeAll(async () => {
    ours = await keyPair('ours');
    foreign = await keyPair('ours'); // same kid, different key: a forger guessing our kid
    signer = new AccessTokenSigner({ activeKey: async () => ({ kid: 'ours', alg: 'EdDSA', privateKey: ours.privateKey }) }, options);
    verifier = new TokenVerifier({ issuer: 'lms-auth', audience: 'lms-api', fetchJwks: async () => ({ keys: [ours.jwk] }) });
  });

  test('When a token is issued, then it verifies and carries the caller', async () => {
    const c = claims();
    const { token, expiresIn } = await signer.sign(c, now());
    expect(expiresIn).toBeGreaterThanOrEqual(899);
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({
      userId: c.sub,
      role: 'student',
      sessionId: c.sid,
      tokenId: c.jti,
    });
  });

  test('When a token has expired, then AUTH.TOKEN_EXPIRED', async () => {
    const { token } = await signer.sign(claims(), now() - 1000);
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED', kind: 'unauthenticated' });
  });

  test('When the payload is tampered with, then the signature no longer verifies', async () => {
    const { token } = await signer.sign(claims(), now());
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url')}.${s}`;
    await expect(verifier.verify(`Bearer ${tampered}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    const flipped = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier.verify(`Bearer ${flipped}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When the token says alg "none", then it is refused', async () => {
    const c = claims();
    const body = Buffer.from(
      JSON.stringify({ ...c, iss: 'lms-auth', aud: 'lms-api', iat: now(), exp: now() + 900 }),
    ).toString('base64url');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'ours' })).toString('base64url');
    await expect(verifier.verify(`Bearer ${header}.${body}.`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When a token is signed by a foreign key (even with our kid), then it is refused', async () => {
    const forger = new AccessTokenSigner({ activeKey: async () => ({ kid: 'ours', alg: 'EdDSA', privateKey: foreign.privateKey }) }, options);
    const { token } = await forger.sign(claims(), now());
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    const stranger = new AccessTokenSigner({ activeKey: async () => ({ kid: 'theirs', alg: 'EdDSA', privateKey: foreign.privateKey }) }, options);
    const other = await stranger.sign(claims(), now());
    await expect(verifier.verify(`Bearer ${other.token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  test('When the audience or issuer is wrong, then the token is refused', async () => {
    const wrongAud = new AccessTokenSigner({ activeKey: async () => ({ kid: 'ours', alg: 'EdDSA', privateKey: ours.privateKey }) }, { ...options, audience: 'other-api' });
    const wrongIss = new AccessTokenSigner({ activeKey: async () => ({ kid: 'ours', alg: 'EdDSA', privateKey: ours.privateKey }) }, { ...options, issuer: 'evil' });
    await expect(verifier.verify(`Bearer ${(await wrongAud.sign(claims(), now())).token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(verifier.verify(`Bearer ${(await wrongIss.sign(claims(), now())).token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  test('When an HS256 token is made with the public key as secret (algorithm confusion), then it is refused', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(ours.jwk));
    const token = await new SignJWT({ role: 'admin', sid: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', kid: 'ours' })
      .setSubject(randomUUID())
      .setJti(randomUUID())
      .setIssuer('lms-auth')
      .setAudience('lms-api')
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(secret);
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  test('When a private key is encrypted, then it decrypts with the same secret and key id only', async () => {
    const enc = new KeyEncryption('one-secret-of-at-least-32-characters!');
    const sealed = await enc.encrypt('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n', 'kid-1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('PRIVATE KEY');
    await expect(enc.decrypt(sealed, 'kid-1')).resolves.toContain('abc');
    expect(await enc.encrypt('same', 'kid-1')).not.toBe(await enc.encrypt('same', 'kid-1'));
    await expect(enc.decrypt(sealed, 'kid-2')).rejects.toThrow();
    await expect(new KeyEncryption('another-secret-of-at-least-32-chars').decrypt(sealed, 'kid-1')).rejects.toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    await expect(enc.decrypt(parts.join('.'), 'kid-1')).rejects.toThrow();
  });

  test('When passwords are hashed, then bcrypt verifies them, every one of 128 characters counts, and unknown users cost a comparison', async () => {
    const hasher = new PasswordHasher(4);
    const hash = await hasher.hash('Correct-Horse-9');
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    await expect(hasher.verify('Correct-Horse-9', hash)).resolves.toBe(true);
    await expect(hasher.verify('correct-Horse-9', hash)).resolves.toBe(false);
    const long = `Aa1!${'x'.repeat(120)}`;
    const longHash = await hasher.hash(`${long}1`);
    await expect(hasher.verify(`${long}2`, longHash)).resolves.toBe(false);
    await expect(hasher.verifyAgainstDummy('anything')).resolves.toBe(false);
  });
});
