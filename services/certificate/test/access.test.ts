import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Certificate__Output } from '@lms/kit/generated/lms/certificate/v1/Certificate';
import { grpcStatusOf } from '@lms/kit/testing';
import {
  captureEvents,
  certifiedStudent,
  eventually,
  expectGrpcError,
  GrpcStatus,
  publishedCourse,
  startCertificateFleet,
  type CertificateFleet,
  type User,
} from './support';

/**
 * Who may do what, on every RPC of the certificate service: a certificate is readable by its student and by
 * admins only — anyone else gets NOT_FOUND like an unknown id (its existence is not revealed); no token →
 * UNAUTHENTICATED; generating and revoking are for admins; verification is public. And the PDF download while
 * the PDF is not rendered (Chromium is pointed nowhere here): FAILED_PRECONDITION CERTIFICATE.PDF_PENDING with
 * retry_after_seconds, and a new render request once the last one is over a minute old.
 */
let f: CertificateFleet;
let owner: User;
let enrollmentId: string;
let certificate: Certificate__Output;
let events: Awaited<ReturnType<typeof captureEvents>>;

beforeAll(async () => {
  f = await startCertificateFleet('access');
  events = await captureEvents(f.vhost.url, ['certificate.*']);
  const course = await publishedCourse(f, f.instructor);
  ({ student: owner, enrollmentId, certificate } = await certifiedStudent(f, course));
});
afterAll(async () => {
  await events?.close();
  await f?.close();
});

type Who = 'owner' | 'otherStudent' | 'instructor' | 'admin' | 'anonymous';
const WHO: Who[] = ['owner', 'otherStudent', 'instructor', 'admin', 'anonymous'];
const authOf = (who: Who) =>
  ({ owner: owner.auth, otherStudent: f.student.auth, instructor: f.instructor.auth, admin: f.admin.auth, anonymous: undefined })[who];

/** Each caller's gRPC status for one call. */
async function matrix(call: (auth: { authorization: string } | undefined) => Promise<unknown>): Promise<Record<Who, string>> {
  const entries = await Promise.all(WHO.map(async (who) => [who, await grpcStatusOf(call(authOf(who)))] as const));
  return Object.fromEntries(entries) as Record<Who, string>;
}

test('GetCertificate, GetCredential: the student and admins; another student and the course instructor → NOT_FOUND; no token → UNAUTHENTICATED', async () => {
  const readable = { owner: 'OK', otherStudent: 'NOT_FOUND', instructor: 'NOT_FOUND', admin: 'OK', anonymous: 'UNAUTHENTICATED' };
  expect(await matrix((auth) => f.certificate.GetCertificate({ certificate_id: certificate.id }, auth))).toEqual(readable);
  expect(await matrix((auth) => f.certificate.GetCredential({ certificate_id: certificate.id }, auth))).toEqual(readable);
  expect(await f.certificate.GetCertificate({ certificate_id: certificate.id }, f.admin.auth)).toEqual(certificate);
  expect(await f.certificate.GetCertificate({ certificate_id: certificate.id.toUpperCase() }, owner.auth)).toEqual(certificate);

  // the refusal of someone else's certificate is word for word the one of an unknown id
  const foreign = await expectGrpcError(f.certificate.GetCertificate({ certificate_id: certificate.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.NOT_FOUND');
  const unknown = await expectGrpcError(f.certificate.GetCertificate({ certificate_id: randomUUID() }, f.admin.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.NOT_FOUND');
  expect(foreign.message).toBe('Certificate not found');
  expect(unknown.message).toBe(foreign.message);
  await expectGrpcError(f.certificate.GetCertificate({ certificate_id: 'nope' }, owner.auth), GrpcStatus.INVALID_ARGUMENT);
  await expectGrpcError(f.certificate.GetCertificatePdf({ certificate_id: '' }, owner.auth), GrpcStatus.INVALID_ARGUMENT);
});

test('GetCertificatePdf: the student and admins reach the PDF (pending here); others → NOT_FOUND; no token → UNAUTHENTICATED', async () => {
  expect(await matrix((auth) => f.certificate.GetCertificatePdf({ certificate_id: certificate.id }, auth))).toEqual({
    owner: 'FAILED_PRECONDITION',
    otherStudent: 'NOT_FOUND',
    instructor: 'NOT_FOUND',
    admin: 'FAILED_PRECONDITION',
    anonymous: 'UNAUTHENTICATED',
  });
});

test('ListMyCertificates: each caller sees their own (the student theirs, others none); no token → UNAUTHENTICATED', async () => {
  const listed = async (auth: { authorization: string }) => (await f.certificate.ListMyCertificates({}, auth)).certificates.map((c) => c.id);
  expect(await f.certificate.ListMyCertificates({}, owner.auth)).toEqual({ certificates: [certificate], total: 1 });
  expect(await listed(f.student.auth)).not.toContain(certificate.id);
  expect(await listed(f.instructor.auth)).toEqual([]);
  expect(await listed(f.admin.auth)).toEqual([]);
  await expectGrpcError(f.certificate.ListMyCertificates({}), GrpcStatus.UNAUTHENTICATED);
});

test('GenerateCertificate and RevokeCertificate: admins only (students and instructors → PERMISSION_DENIED, no token → UNAUTHENTICATED); VerifyCertificate: anyone, no token needed', async () => {
  expect(await matrix((auth) => f.certificate.GenerateCertificate({ enrollment_id: enrollmentId }, auth))).toEqual({
    owner: 'PERMISSION_DENIED',
    otherStudent: 'PERMISSION_DENIED',
    instructor: 'PERMISSION_DENIED',
    admin: 'OK',
    anonymous: 'UNAUTHENTICATED',
  });
  // a refused revocation must not revoke: asked with an unknown id, so the admin's answer is NOT_FOUND
  expect(await matrix((auth) => f.certificate.RevokeCertificate({ certificate_id: randomUUID(), reason: '' }, auth))).toEqual({
    owner: 'PERMISSION_DENIED',
    otherStudent: 'PERMISSION_DENIED',
    instructor: 'PERMISSION_DENIED',
    admin: 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  });
  expect(await matrix((auth) => f.certificate.RevokeCertificate({ certificate_id: certificate.id, reason: '' }, auth))).toMatchObject({
    owner: 'PERMISSION_DENIED',
    otherStudent: 'PERMISSION_DENIED',
    instructor: 'PERMISSION_DENIED',
    anonymous: 'UNAUTHENTICATED',
  });
  // the admin's call of the matrix revoked it (the others did not get that far)
  expect((await f.certificate.GetCertificate({ certificate_id: certificate.id }, owner.auth)).is_verified).toBe('revoked');
  expect(await matrix((auth) => f.certificate.VerifyCertificate({ certificate_number: certificate.certificate_number }, auth))).toEqual({
    owner: 'OK',
    otherStudent: 'OK',
    instructor: 'OK',
    admin: 'OK',
    anonymous: 'OK',
  });
});

test('When the PDF is not rendered yet, then PDF_PENDING with retry_after_seconds; a render request over a minute old is made again (once), a recent one is not; a PDF whose object is missing is pending and re-rendered too', async () => {
  const { student, certificate: fresh } = await certifiedStudent(f, await publishedCourse(f, f.instructor));
  const requests = () => events.matching('certificate.render_requested', (d) => d.certificate_id === fresh.id).length;
  await eventually(() => expect(requests()).toBe(1));

  const pending = await expectGrpcError(f.certificate.GetCertificatePdf({ certificate_id: fresh.id }, student.auth), GrpcStatus.FAILED_PRECONDITION, 'CERTIFICATE.PDF_PENDING');
  expect(pending.message).toBe("The certificate's PDF is being generated");
  expect(pending.meta).toEqual({ retry_after_seconds: 5 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(requests()).toBe(1);

  // the render job gave up a while ago (its request is 2 minutes old): the next downloads ask again, once
  const age = async (set = '') =>
    f.db.query(`UPDATE certificates SET pdf_requested_at = now() - interval '2 minutes' ${set} WHERE id = :id`, { replacements: { id: fresh.id } });
  await age();
  await Promise.all([1, 2, 3].map(() => expectGrpcError(f.certificate.GetCertificatePdf({ certificate_id: fresh.id }, student.auth), GrpcStatus.FAILED_PRECONDITION, 'CERTIFICATE.PDF_PENDING')));
  await eventually(() => expect(requests()).toBe(2));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(requests()).toBe(2);
  const [row] = await f.db.query<{ fresh: boolean }>(`SELECT pdf_requested_at > now() - interval '1 minute' AS fresh FROM certificates WHERE id = :id`, {
    type: QueryTypes.SELECT,
    replacements: { id: fresh.id },
  });
  expect(row.fresh).toBe(true);

  // a key whose object is gone (storage lost it): pending again, and re-rendered
  await age(`, pdf_key = 'certificates/${fresh.id}.pdf', pdf_size = 1000, pdf_rendered_at = now()`);
  expect((await f.certificate.GetCertificate({ certificate_id: fresh.id }, student.auth)).pdf_status).toBe('ready');
  await expectGrpcError(f.certificate.GetCertificatePdf({ certificate_id: fresh.id }, f.admin.auth), GrpcStatus.FAILED_PRECONDITION, 'CERTIFICATE.PDF_PENDING');
  await eventually(() => expect(requests()).toBe(3));
});

test('When an admin generates a certified enrolment whose PDF request is over a minute old, then the render is asked for again', async () => {
  const { enrollmentId: enrolment, certificate: fresh } = await certifiedStudent(f, await publishedCourse(f, f.instructor));
  const requests = () => events.matching('certificate.render_requested', (d) => d.certificate_id === fresh.id).length;
  await eventually(() => expect(requests()).toBe(1));
  expect((await f.certificate.GenerateCertificate({ enrollment_id: enrolment }, f.admin.auth)).created).toBe(false);
  await f.db.query(`UPDATE certificates SET pdf_requested_at = now() - interval '2 minutes' WHERE id = :id`, { replacements: { id: fresh.id } });
  expect((await f.certificate.GenerateCertificate({ enrollment_id: enrolment }, f.admin.auth)).created).toBe(false);
  await eventually(() => expect(requests()).toBe(2));
});
