import { generateKeyPairSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ConfigError } from '@lms/kit/config';
import { createIssuerKeyring, keyIdOf, parseSigningKey } from '../src/app/credentials/issuer-keyring';
import { loadCertificateConfig } from '../src/config';
import { didDocument, issuerDid, jwks } from '../src/domain/credentials/issuer-did';
import { openBadgeCredential } from '../src/domain/credentials/open-badge';
import { encodeStatusList } from '../src/domain/credentials/status-list';

/** The list's bits as the W3C spec defines them, decoded here without the code under test. */
function decodedBits(encodedList: string): Buffer {
  expect(encodedList[0]).toBe('u');
  return gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
}

const bitAt = (bits: Buffer, index: number) => (bits[Math.floor(index / 8)] >> (7 - (index % 8))) & 1;

describe('Bitstring Status List encoding', () => {
  it('sets index 0 as the most significant bit of the first byte, and only the indexes given', () => {
    const bits = decodedBits(encodeStatusList(131_072, [0, 9, 131_071]));
    expect(bits.length).toBe(16_384);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits[16_383]).toBe(0b0000_0001);
    const set = [...bits].reduce((n, byte) => n + byte.toString(2).split('1').length - 1, 0);
    expect(set).toBe(3);
    expect([bitAt(bits, 0), bitAt(bits, 1), bitAt(bits, 9), bitAt(bits, 131_071)]).toEqual([1, 0, 1, 1]);
  });

  it('is small when empty (gzip of zeros) and refuses indexes outside the list', () => {
    expect(encodeStatusList(131_072, []).length).toBeLessThan(300);
    expect(() => encodeStatusList(131_072, [131_072])).toThrow(RangeError);
    expect(() => encodeStatusList(131_072, [-1])).toThrow(RangeError);
  });
});

describe('did:web of the public URL', () => {
  it("percent-encodes the port's colon and ignores scheme and path", () => {
    expect(issuerDid('http://localhost:8080')).toBe('did:web:localhost%3A8080');
    expect(issuerDid('https://lms.example.org')).toBe('did:web:lms.example.org');
    expect(issuerDid('https://lms.example.org/')).toBe('did:web:lms.example.org');
  });

  it('publishes only public key material, every key as an assertion method and in the JWKS', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const full = privateKey.export({ format: 'jwk' });
    const keys = [
      { kid: 'old', publicJwk: full },
      { kid: 'new', publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' } },
    ];
    const doc = didDocument('did:web:x', keys) as { verificationMethod: { id: string; publicKeyJwk: Record<string, unknown> }[]; assertionMethod: string[] };
    expect(doc.assertionMethod).toEqual(['did:web:x#old', 'did:web:x#new']);
    expect(doc.verificationMethod[0].publicKeyJwk).not.toHaveProperty('d');
    const set = jwks('did:web:x', keys);
    expect(set.keys.map((k) => k.kid)).toEqual(['did:web:x#old', 'did:web:x#new']);
    expect(set.keys[0]).not.toHaveProperty('d');
    expect(set.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
  });
});

describe('signing key', () => {
  it('kid is stable: derived from the public key alone', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const jwk = parseSigningKey(pem).export({ format: 'jwk' });
    expect(keyIdOf(jwk)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(parseSigningKey(pem.replace(/\n/g, '\\n')).export({ format: 'jwk' }))).toBe(keyIdOf(jwk));
  });

  it('refuses what is not an Ed25519 PKCS#8 key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(ConfigError);
    expect(() => parseSigningKey('not a key')).toThrow(ConfigError);
  });

  it('a malformed configured key fails when the keyring is built (service start), not at the first credential', () => {
    const config = { ...loadCertificateConfig({ NODE_ENV: 'test' }), CREDENTIAL_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nbroken\\n-----END PRIVATE KEY-----' };
    const unused = { run: () => Promise.reject(new Error('not reached')), read: {} } as never;
    expect(() => createIssuerKeyring({ config, units: unused, logger: {} as never, clock: () => new Date() })).toThrow(ConfigError);
  });

  it('production without CREDENTIAL_SIGNING_KEY is a configuration error', () => {
    expect(() => loadCertificateConfig({ NODE_ENV: 'production' })).toThrow(/CREDENTIAL_SIGNING_KEY/);
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    let failure: unknown;
    try {
      loadCertificateConfig({ NODE_ENV: 'production', CREDENTIAL_SIGNING_KEY: pem });
    } catch (err) {
      failure = err;
    }
    // other production rules may fail (secrets of other settings), never this one
    expect(String((failure as Error | undefined)?.message ?? '')).not.toMatch(/CREDENTIAL_SIGNING_KEY/);
  });
});

describe('OpenBadgeCredential', () => {
  const certificate = {
    id: '7f1c1e0e-2a8b-4c1e-9a53-1b2c3d4e5f60',
    certificateNumber: 'CERT-20260217-0A1B2C3D',
    courseId: '0b8a6c1e-5d2f-4e3a-8b7c-9d0e1f2a3b4c',
    studentName: 'Layla Haddad',
    courseTitle: 'Intro to Testing',
    instructorName: 'Tess Teacher',
    completionDate: new Date('2026-02-16T09:30:00.123Z'),
    finalGrade: 'A',
    totalHours: '3 hours',
    issuedBy: 'LMS Platform',
    issuedAt: new Date('2026-02-17T10:00:00.456Z'),
  };
  const credential = openBadgeCredential(
    certificate,
    { did: 'did:web:localhost%3A8080', url: 'http://localhost:8080' },
    { statusListUrl: 'http://localhost:8080/api/v1/certificates/status/1', index: 4242 },
  ) as Record<string, any>;

  it('is a VC DM 2.0 OpenBadgeCredential of the course, named for the student, from the snapshot', () => {
    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe(`urn:uuid:${certificate.id}`);
    expect(credential.issuer).toEqual({ id: 'did:web:localhost%3A8080', type: ['Profile'], name: 'LMS Platform', url: 'http://localhost:8080' });
    expect(credential.validFrom).toBe('2026-02-17T10:00:00Z');
    expect(credential.name).toBe('Certificate of Completion: Intro to Testing');
    expect(credential.description).toContain('CERT-20260217-0A1B2C3D');
    expect(credential.credentialSubject).toMatchObject({ type: ['AchievementSubject'], name: 'Layla Haddad', result: [{ type: ['Result'], value: 'A' }] });
    expect(credential.credentialSubject.achievement).toMatchObject({
      id: `urn:uuid:${certificate.courseId}`,
      type: ['Achievement'],
      name: 'Intro to Testing',
      achievementType: 'Certificate',
      criteria: { narrative: expect.any(String) },
    });
    expect(credential.credentialStatus).toEqual({
      id: 'http://localhost:8080/api/v1/certificates/status/1#4242',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: 'http://localhost:8080/api/v1/certificates/status/1',
    });
  });

  it('carries no user id or email', () => {
    const text = JSON.stringify(credential);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(credential.credentialSubject).not.toHaveProperty('id');
  });
});
