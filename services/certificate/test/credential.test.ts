import { createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { QueryTypes } from 'sequelize';
import { GrpcStatus } from '@lms/kit/grpc';
import { eventually, expectGrpcError, type TestUser } from '@lms/kit/testing';
import { startFleet, unique, type Fleet } from '@lms/testing-fleet';
import { createIssuerKeyring, keyIdOf } from '../src/app/credentials/issuer-keyring';

/**
 * The verifiable credential end to end, on a started certificate service fed by a real completed enrolment.
 * Every signature is checked with node:crypto and the keys the service publishes (GetIssuer) — never with the
 * service's own code — as a third party would. Chromium is pointed nowhere: PDFs play no part here.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Users = 'instructor' | 'student' | 'otherStudent';

let fleet: Fleet<Users>;
let db: ReturnType<Fleet['openDatabase']>;

const certificate = () => fleet.certificate!.client;
const b64json = (part: string): Json => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Issued {
  certificateId: string;
  courseTitle: string;
  statusListId: number;
  statusListIndex: number;
}

/** A published one-lesson course of the instructor, completed by `student`; waits for its certificate row. */
async function completedCourse(student: TestUser): Promise<Issued> {
  const courseTitle = `Verifiable ${unique()}`;
  const catalog = fleet.catalog!.client;
  const course = await catalog.CreateCourse(
    { title: courseTitle, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0, thumbnail_url: 'https://img.example/t.png' },
    fleet.users.instructor.auth,
  );
  const lesson = await catalog.CreateLesson(
    { course_id: course.id, title: 'Only lesson', lesson_type: 'text', content: '# Hi', duration_minutes: 5 },
    fleet.users.instructor.auth,
  );
  await catalog.PublishLesson({ lesson_id: lesson.id }, fleet.users.instructor.auth);
  await catalog.PublishCourse({ course_id: course.id }, fleet.users.instructor.auth);
  const enrollment = await eventually(() => fleet.enrollment!.client.Enroll({ course_id: course.id }, student.auth), 15_000, 200);
  await eventually(() => fleet.enrollment!.client.CompleteLesson({ enrollment_id: enrollment.id, lesson_id: lesson.id }, student.auth), 15_000, 200);
  const row = await eventually(async () => {
    const [found] = await db.query<{ id: string; status_list_id: number; status_list_index: number }>(
      `SELECT id, status_list_id, status_list_index FROM certificates WHERE enrollment_id = :id`,
      { replacements: { id: enrollment.id }, type: QueryTypes.SELECT },
    );
    if (!found) throw new Error('no certificate yet');
    return found;
  }, 30_000, 200);
  return { certificateId: row.id, courseTitle, statusListId: Number(row.status_list_id), statusListIndex: Number(row.status_list_index) };
}

async function publishedKeys(): Promise<{ did: string; jwks: { keys: Json[] }; didDocument: Json }> {
  const issuer = await certificate().GetIssuer({});
  return { did: issuer.did, jwks: JSON.parse(issuer.jwks_json), didDocument: JSON.parse(issuer.did_document_json) };
}

/** A compact JWS checked as a verifier would: the header's kid looked up in the JWKS, Ed25519 over `header.payload`. */
function verifiesWith(jwt: string, jwks: { keys: Json[] }): boolean {
  const [header, payload, signature] = jwt.split('.');
  const { kid, alg } = b64json(header);
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk || alg !== 'EdDSA') return false;
  const { kty, crv, x } = jwk;
  const publicKey = createPublicKey({ key: { kty, crv, x } as JsonWebKey, format: 'jwk' });
  return verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
}

function tampered(jwt: string, change: (payload: Json) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const credential = b64json(payload);
  change(credential);
  return `${header}.${encode(credential)}.${signature}`;
}

beforeAll(async () => {
  fleet = await startFleet({
    label: 'credential',
    services: ['certificate'],
    users: { instructor: ['instructor', 'credteacher'], student: ['student', 'credstudent'], otherStudent: ['student', 'credother'] },
    env: { certificate: { CHROMIUM_PATH: '/nonexistent/chromium' } },
  });
  db = fleet.openDatabase('certificate');
}, 120_000);

afterAll(async () => {
  await fleet?.close();
});

describe('credential of a completed course', () => {
  let issued: Issued;
  let jwt: string;

  beforeAll(async () => {
    issued = await completedCourse(fleet.users.student);
    ({ jwt } = await certificate().GetCredential({ certificate_id: issued.certificateId }, fleet.users.student.auth));
  }, 60_000);

  it('is a VC-JWT that verifies with the published key, whose kid resolves in the DID document', async () => {
    const reply = await certificate().GetCredential({ certificate_id: issued.certificateId }, fleet.users.student.auth);
    expect(reply.media_type).toBe('application/vc+jwt');
    const [header, payload] = reply.jwt.split('.');
    const { did, jwks, didDocument } = await publishedKeys();
    expect(did).toBe('did:web:localhost%3A8080');
    expect(b64json(header)).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: expect.stringMatching(/^did:web:localhost%3A8080#[0-9a-f]{16}$/) });
    expect(b64json(payload)).toEqual(JSON.parse(reply.credential_json));
    expect(verifiesWith(reply.jwt, jwks)).toBe(true);

    const { kid } = b64json(header);
    expect(didDocument.id).toBe(did);
    expect(didDocument.assertionMethod).toContain(kid);
    const method = didDocument.verificationMethod.find((m: Json) => m.id === kid);
    expect(method).toMatchObject({ type: 'JsonWebKey2020', controller: did, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(method.publicKeyJwk).not.toHaveProperty('d');
    expect(jwks.keys.every((key) => !('d' in key))).toBe(true);
    expect(jwks.keys.find((key) => key.kid === kid)!.x).toBe(method.publicKeyJwk.x);
  });

  it('says who earned what, from whom, and where its revocation status is', () => {
    const credential = b64json(jwt.split('.')[1]);
    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe(`urn:uuid:${issued.certificateId}`);
    expect(credential.issuer).toMatchObject({ id: 'did:web:localhost%3A8080', type: ['Profile'], name: 'LMS Platform', url: 'http://localhost:8080' });
    expect(credential.validFrom).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(credential.credentialSubject.name).toBe(fleet.users.student.fullName);
    expect(credential.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], name: issued.courseTitle });
    expect(credential.credentialStatus).toEqual({
      id: `http://localhost:8080/api/v1/certificates/status/${issued.statusListId}#${issued.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(issued.statusListIndex),
      statusListCredential: `http://localhost:8080/api/v1/certificates/status/${issued.statusListId}`,
    });
    expect(JSON.stringify(credential)).not.toContain(fleet.users.student.email);
    expect(JSON.stringify(credential)).not.toContain(fleet.users.student.userId);
  });

  it.each([
    ['credentialSubject.name', (c: Json) => (c.credentialSubject.name = 'Mallory')],
    ['achievement.name', (c: Json) => (c.credentialSubject.achievement.name = 'Brain Surgery')],
    ['validFrom', (c: Json) => (c.validFrom = '2020-01-01T00:00:00Z')],
    ['issuer.id', (c: Json) => (c.issuer.id = 'did:web:evil.example')],
  ])('a payload with %s changed no longer verifies', async (_field, change) => {
    const { jwks } = await publishedKeys();
    expect(verifiesWith(jwt, jwks)).toBe(true);
    expect(verifiesWith(tampered(jwt, change), jwks)).toBe(false);
  });

  it('a signature by another key does not verify', async () => {
    const [header, payload] = jwt.split('.');
    const forger = generateKeyPairSync('ed25519').privateKey;
    const forged = `${header}.${payload}.${sign(null, Buffer.from(`${header}.${payload}`), forger).toString('base64url')}`;
    expect(verifiesWith(forged, (await publishedKeys()).jwks)).toBe(false);
  });

  it('is for its student and admins only: others and unknown ids get NOT_FOUND', async () => {
    const asAdmin = await certificate().GetCredential({ certificate_id: issued.certificateId }, fleet.admin!.auth);
    expect(asAdmin.jwt).toBe(jwt); // Ed25519 is deterministic: same credential, same key, same JWT
    await expectGrpcError(certificate().GetCredential({ certificate_id: issued.certificateId }, fleet.users.otherStudent.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.NOT_FOUND');
    await expectGrpcError(certificate().GetCredential({ certificate_id: issued.certificateId }, fleet.users.instructor.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.NOT_FOUND');
    await expectGrpcError(certificate().GetCredential({ certificate_id: '0b8a6c1e-5d2f-4e3a-8b7c-9d0e1f2a3b4c' }, fleet.admin!.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.NOT_FOUND');
    await expectGrpcError(certificate().GetCredential({ certificate_id: 'nope' }, fleet.admin!.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(certificate().GetCredential({ certificate_id: issued.certificateId }), GrpcStatus.UNAUTHENTICATED);
  });
});

describe('revocation in the status list', () => {
  it('sets the revoked certificate’s bit, not a valid one’s, in a signed list of ≥ 131,072 bits', async () => {
    const [revoked, valid] = [await completedCourse(fleet.users.otherStudent), await completedCourse(fleet.users.student)];
    expect(valid.statusListId).toBe(revoked.statusListId);
    await certificate().RevokeCertificate({ certificate_id: revoked.certificateId, reason: 'Issued in error' }, fleet.admin!.auth);

    const list = await certificate().GetStatusList({ list_id: String(revoked.statusListId) });
    const { jwks } = await publishedKeys();
    expect(verifiesWith(list.jwt, jwks)).toBe(true);
    const credential = b64json(list.jwt.split('.')[1]);
    expect(credential).toEqual(JSON.parse(list.credential_json));
    const url = `http://localhost:8080/api/v1/certificates/status/${revoked.statusListId}`;
    expect(credential).toMatchObject({
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:localhost%3A8080',
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    const encoded: string = credential.credentialSubject.encodedList;
    expect(encoded[0]).toBe('u');
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
    const bit = (index: number) => (bits[index >> 3] >> (7 - (index % 8))) & 1;
    expect(bit(revoked.statusListIndex)).toBe(1);
    expect(bit(valid.statusListIndex)).toBe(0);

    // a revoked certificate keeps its credential: its status entry is how a verifier learns of the revocation
    const kept = await certificate().GetCredential({ certificate_id: revoked.certificateId }, fleet.users.otherStudent.auth);
    expect(b64json(kept.jwt.split('.')[1]).credentialStatus.statusListIndex).toBe(String(revoked.statusListIndex));
  }, 90_000);

  it('an unknown list is NOT_FOUND', async () => {
    await expectGrpcError(certificate().GetStatusList({ list_id: '999999' }), GrpcStatus.NOT_FOUND, 'CERTIFICATE.STATUS_LIST_NOT_FOUND');
    await expectGrpcError(certificate().GetStatusList({ list_id: 'abc' }), GrpcStatus.NOT_FOUND, 'CERTIFICATE.STATUS_LIST_NOT_FOUND');
  });
});

describe('issuer key across restarts and rotation', () => {
  it('a generated key survives a restart; a configured key takes over and the old one stays published', async () => {
    const { certificateId } = await completedCourse(fleet.users.student);
    const before = await certificate().GetCredential({ certificate_id: certificateId }, fleet.users.student.auth);
    const oldKid = b64json(before.jwt.split('.')[0]).kid as string;

    await fleet.certificate!.restart();
    const afterRestart = await certificate().GetCredential({ certificate_id: certificateId }, fleet.users.student.auth);
    expect(b64json(afterRestart.jwt.split('.')[0]).kid).toBe(oldKid);
    expect(verifiesWith(before.jwt, (await publishedKeys()).jwks)).toBe(true);

    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const newKid = `did:web:localhost%3A8080#${keyIdOf(privateKey.export({ format: 'jwk' }))}`;
    await fleet.certificate!.restart({ CREDENTIAL_SIGNING_KEY: pem });
    const rotated = await certificate().GetCredential({ certificate_id: certificateId }, fleet.users.student.auth);
    expect(b64json(rotated.jwt.split('.')[0]).kid).toBe(newKid);
    const { jwks, didDocument } = await publishedKeys();
    expect(jwks.keys.map((key) => key.kid).sort()).toEqual([newKid, oldKid].sort());
    expect(didDocument.assertionMethod).toEqual(expect.arrayContaining([oldKid, newKid]));
    expect(verifiesWith(before.jwt, jwks)).toBe(true);
    expect(verifiesWith(rotated.jwt, jwks)).toBe(true);
    const rows = await db.query<{ kid: string; retired: boolean; has_private: boolean }>(
      `SELECT kid, retired_at IS NOT NULL AS retired, private_pkcs8 IS NOT NULL AS has_private FROM issuer_keys ORDER BY created_at`,
      { type: QueryTypes.SELECT },
    );
    // the configured key is never written to the database: only its public part
    expect(rows.map((row) => [`did:web:localhost%3A8080#${row.kid}`, row.retired, row.has_private])).toEqual([
      [oldKid, true, true],
      [newKid, false, false],
    ]);

    // the same configured key again: nothing changes
    await fleet.certificate!.restart({ CREDENTIAL_SIGNING_KEY: pem });
    const again = await certificate().GetCredential({ certificate_id: certificateId }, fleet.users.student.auth);
    expect(again.jwt).toBe(rotated.jwt);
    expect((await publishedKeys()).jwks.keys).toHaveLength(2);
  }, 120_000);

  it('replicas settling a key at once agree on one (advisory lock), also when the configured key was removed', async () => {
    const { deps } = fleet.certificate!.service;
    const unconfigured = { ...deps, config: { ...deps.config, CREDENTIAL_SIGNING_KEY: undefined } };
    const [a, b] = [createIssuerKeyring(unconfigured), createIssuerKeyring(unconfigured)];
    const [keyA, keyB] = await Promise.all([a.current(), b.current()]);
    expect(keyB.kid).toBe(keyA.kid);
    const active = await db.query<{ kid: string; has_private: boolean }>(
      `SELECT kid, private_pkcs8 IS NOT NULL AS has_private FROM issuer_keys WHERE retired_at IS NULL`,
      { type: QueryTypes.SELECT },
    );
    expect(active).toEqual([{ kid: keyA.kid, has_private: true }]);
    expect((await a.publicKeys()).filter((key) => key.retired)).toHaveLength(2);
  });
});
