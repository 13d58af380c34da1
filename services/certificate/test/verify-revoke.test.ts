import { randomUUID } from 'node:crypto';
import {
  captureEvents,
  certifiedStudent,
  eventually,
  expectGrpcError,
  GrpcStatus,
  publishedCourse,
  startCertificateFleet,
  type CertificateFleet,
  type Course,
} from './support';

/**
 * Public verification by number (the seed's six fields only, never the student's id or email) and admin
 * revocation (once: concurrent and repeated revocations publish one `certificate.revoked`).
 */
let f: CertificateFleet;
let course: Course;
let events: Awaited<ReturnType<typeof captureEvents>>;

beforeAll(async () => {
  f = await startCertificateFleet('verify');
  events = await captureEvents(f.vhost.url, ['certificate.*']);
  course = await publishedCourse(f, f.instructor);
});
afterAll(async () => {
  await events?.close();
  await f?.close();
});

const verify = (number: string) => f.certificate.VerifyCertificate({ certificate_number: number });
const PUBLIC_FIELDS = ['certificate_number', 'completion_date', 'course_title', 'instructor_name', 'issued_by', 'student_name'];

test('When a valid certificate is verified (as typed: spaces, lower case), then valid with the six public fields only', async () => {
  const { student, certificate } = await certifiedStudent(f, course);
  const answer = await verify(`  ${certificate.certificate_number.toLowerCase()} `);
  expect(answer).toEqual({
    valid: true,
    found: true,
    message: 'Certificate is valid',
    certificate: {
      certificate_number: certificate.certificate_number,
      student_name: student.fullName,
      course_title: course.title,
      instructor_name: f.instructor.fullName,
      completion_date: certificate.completion_date,
      issued_by: 'LMS Platform',
    },
  });
  expect(Object.keys(answer.certificate!).sort()).toEqual(PUBLIC_FIELDS);
  const text = JSON.stringify(answer);
  for (const secret of [student.userId, student.email, certificate.id, certificate.enrollment_id]) expect(text).not.toContain(secret);
});

test('When an unknown or malformed number is verified, then not found (no certificate), never an error', async () => {
  const notFound = { valid: false, found: false, message: 'Certificate not found', certificate: null };
  for (const number of ['CERT-20260217-ABCDEF12', 'CERT-20260217-ABC123', '', "' OR 1=1 --", 'x'.repeat(5000), 'CERT-20260217-ABCDEF12\u0000']) {
    const answer = await verify(number);
    expect({ ...answer, certificate: answer.certificate ?? null }).toEqual(notFound);
  }
});

test('When an admin revokes a certificate (reason trimmed), then it is revoked with its reason and time, verification says so (still showing it), and certificate.revoked carries the contract payload', async () => {
  const { student, enrollmentId, certificate } = await certifiedStudent(f, course);
  const before = Date.now();
  const revoked = await f.certificate.RevokeCertificate({ certificate_id: certificate.id, reason: '  Policy violation \n' }, f.admin.auth);
  expect(revoked).toEqual({ ...certificate, is_verified: 'revoked', revoked_at: expect.any(String), revocation_reason: 'Policy violation' });
  expect(new Date(revoked.revoked_at).getTime()).toBeGreaterThanOrEqual(before - 1000);

  // the student still reads it (marked revoked), in the list too
  expect(await f.certificate.GetCertificate({ certificate_id: certificate.id }, student.auth)).toEqual(revoked);
  expect((await f.certificate.ListMyCertificates({}, student.auth)).certificates).toEqual([revoked]);

  const answer = await verify(certificate.certificate_number);
  expect(answer).toMatchObject({ valid: false, found: true, message: 'Certificate has been revoked' });
  expect(Object.keys(answer.certificate!).sort()).toEqual(PUBLIC_FIELDS);

  const event = await events.waitFor('certificate.revoked', (d) => d.certificate_id === certificate.id);
  expect(event.source).toBe('lms/certificate');
  expect(event.subject).toBe(certificate.id);
  expect(event.data).toEqual({
    certificate_id: certificate.id,
    certificate_number: certificate.certificate_number,
    enrollment_id: enrollmentId,
    student_id: student.userId,
    course_id: course.courseId,
    revoked_at: revoked.revoked_at,
    reason: 'Policy violation',
  });
});

test('When a certificate is revoked three times at once and once more later, then one revocation (the first reason and time) and one certificate.revoked', async () => {
  const { certificate } = await certifiedStudent(f, course);
  const answers = await Promise.all(['first', 'second', 'third'].map((reason) => f.certificate.RevokeCertificate({ certificate_id: certificate.id, reason }, f.admin.auth)));
  const [winner] = answers;
  for (const answer of answers) expect(answer).toEqual(winner);
  expect(['first', 'second', 'third']).toContain(winner.revocation_reason);
  const later = await f.certificate.RevokeCertificate({ certificate_id: certificate.id, reason: 'again' }, f.admin.auth);
  expect(later).toEqual(winner);

  await events.waitFor('certificate.revoked', (d) => d.certificate_id === certificate.id);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(events.matching('certificate.revoked', (d) => d.certificate_id === certificate.id)).toHaveLength(1);
});

test('When RevokeCertificate is given no reason, then "Revoked by admin"; a reason over 500 characters, or a malformed id → INVALID_ARGUMENT; an unknown id → NOT_FOUND', async () => {
  const { certificate } = await certifiedStudent(f, course);
  await expectGrpcError(f.certificate.RevokeCertificate({ certificate_id: certificate.id, reason: 'x'.repeat(501) }, f.admin.auth), GrpcStatus.INVALID_ARGUMENT);
  await expectGrpcError(f.certificate.RevokeCertificate({ certificate_id: 'nope', reason: '' }, f.admin.auth), GrpcStatus.INVALID_ARGUMENT);
  const unknown = await expectGrpcError(f.certificate.RevokeCertificate({ certificate_id: randomUUID(), reason: '' }, f.admin.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.NOT_FOUND');
  expect(unknown.message).toBe('Certificate not found');
  expect((await f.certificate.GetCertificate({ certificate_id: certificate.id }, f.admin.auth)).is_verified).toBe('valid');

  const defaulted = await f.certificate.RevokeCertificate({ certificate_id: certificate.id, reason: '   ' }, f.admin.auth);
  expect(defaulted.revocation_reason).toBe('Revoked by admin');
  await eventually(() => expect(events.matching('certificate.revoked', (d) => d.certificate_id === certificate.id && d.reason === 'Revoked by admin')).toHaveLength(1));

  const another = (await certifiedStudent(f, course)).certificate;
  const long = 'é'.repeat(500);
  expect((await f.certificate.RevokeCertificate({ certificate_id: another.id, reason: long }, f.admin.auth)).revocation_reason).toBe(long);
});
