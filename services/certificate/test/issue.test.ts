import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import {
  attemptQuiz,
  captureEvents,
  certificateRows,
  certifiedStudent,
  completeCourse,
  enrol,
  eventPublisher,
  eventually,
  expectGrpcError,
  GrpcStatus,
  handled,
  issuedCertificate,
  publishedCourse,
  startCertificateFleet,
  type CertificateFleet,
  type Course,
} from './support';

/**
 * Issuing, end to end: a real enrolment completed through enrollment (its lesson done, its quiz passed through
 * quiz) reaches the certificate service as `enrollment.completed`; the certificate's snapshot comes from auth,
 * catalog, enrollment and quiz. Once per enrolment whoever asks: redelivered and duplicated events, and an admin's
 * Generate racing the consumer, make one certificate and one `certificate.issued`.
 */
let f: CertificateFleet;
let events: Awaited<ReturnType<typeof captureEvents>>;
let plainCourse: Course;

const COMPLETION_QUEUE = 'certificate.issue-on-completion';

beforeAll(async () => {
  f = await startCertificateFleet('issue');
  events = await captureEvents(f.vhost.url, ['certificate.*']);
  plainCourse = await publishedCourse(f, f.instructor);
});
afterAll(async () => {
  await events?.close();
  await f?.close();
});

test('When a student passes the quiz (50 %, then 100 %) and completes the course, then one certificate: names, title, instructor, completion date, grade C (mean 75 %), 2 hours, a CERT-<today>- number, pending PDF, and certificate.issued with the contract payload', async () => {
  const course = await publishedCourse(f, f.instructor, { quiz: true });
  const enrollmentId = await enrol(f, f.student, course.courseId);
  expect(await attemptQuiz(f, f.student, course, 1)).toBe(50);
  expect(await attemptQuiz(f, f.student, course, 2)).toBe(100);
  // the passed quiz completes its lesson (quiz.passed → enrollment); the text lesson, after 2 h 5 min, completes the course
  await eventually(async () => {
    const progress = await f.enrollment.GetProgress({ enrollment_id: enrollmentId }, f.student.auth);
    expect(progress.lessons.find((l) => l.lesson_id === course.quiz!.lessonId)?.progress?.status).toBe('completed');
  }, 20_000);
  const before = Date.now();
  await completeCourse(f, f.student, course, enrollmentId, 2 * 3600 + 300);
  const enrollment = await f.enrollment.GetEnrollment({ enrollment_id: enrollmentId }, f.student.auth);

  const certificate = await issuedCertificate(f, f.student, enrollmentId);
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  expect(certificate.certificate_number).toMatch(new RegExp(`^CERT-${today}-[0-9A-F]{8}$`));
  const base = 'http://localhost:8080/api/v1/certificates';
  expect(certificate).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    certificate_number: certificate.certificate_number,
    student_id: f.student.userId,
    student_name: f.student.fullName,
    course_id: course.courseId,
    course_title: course.title,
    instructor_name: f.instructor.fullName,
    completion_date: expect.any(String),
    final_grade: 'C',
    total_hours: '2 hours',
    pdf_url: `${base}/${certificate.id}/download`,
    verification_url: `${base}/verify/${certificate.certificate_number}`,
    is_verified: 'valid',
    issued_by: 'LMS Platform',
    issued_at: expect.any(String),
    enrollment_id: enrollmentId,
    pdf_status: 'pending',
    revoked_at: '',
    revocation_reason: '',
    credential_url: `${base}/${certificate.id}/credential`,
  });
  expect(new Date(certificate.completion_date).getTime()).toBe(new Date(enrollment.completed_at).getTime());
  expect(new Date(certificate.issued_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  expect(certificate.issued_at).toMatch(/Z$/);

  const issued = await events.waitFor('certificate.issued', (d) => d.enrollment_id === enrollmentId);
  expect(issued.source).toBe('lms/certificate');
  expect(issued.subject).toBe(certificate.id);
  expect(issued.data).toEqual({
    certificate_id: certificate.id,
    certificate_number: certificate.certificate_number,
    enrollment_id: enrollmentId,
    student_id: f.student.userId,
    course_id: course.courseId,
    student_name: f.student.fullName,
    course_title: course.title,
    instructor_name: f.instructor.fullName,
    completion_date: certificate.completion_date,
    final_grade: 'C',
    total_hours: '2 hours',
    issued_at: certificate.issued_at,
    issued_via: 'event',
    pdf_url: certificate.pdf_url,
    verification_url: certificate.verification_url,
  });
  const render = await events.waitFor('certificate.render_requested', (d) => d.certificate_id === certificate.id);
  expect(render.data).toEqual({ certificate_id: certificate.id });

  // the row: a random entry of status list 1, counted in the list's allocation; signature and issuer frozen
  const [row] = await certificateRows(f.db, enrollmentId);
  expect(row).toMatchObject({ issued_via: 'event', issued_by: 'LMS Platform', signature_name: 'Platform Director', status_list_id: 1, pdf_key: null });
  expect(row.status_list_index).toEqual(expect.any(Number));
  expect(row.status_list_index as number).toBeLessThan(131_072);
});

test('When a course without quizzes is completed with no time recorded, then grade Pass and no total hours', async () => {
  const { certificate } = await certifiedStudent(f, plainCourse);
  expect(certificate).toMatchObject({ final_grade: 'Pass', total_hours: '', instructor_name: f.instructor.fullName, course_title: plainCourse.title });
});

test('When enrollment.completed is delivered twice, duplicated under a second id, and an admin generates three times at once, then one certificate, one certificate.issued, and every answer names it', async () => {
  const student = await f.newUser('student');
  const enrollmentId = await enrol(f, student, plainCourse.courseId);
  const completions = await captureEvents(f.vhost.url, ['enrollment.completed']);
  const publisher = await eventPublisher(f.vhost.url, 'lms/enrollment');
  try {
    await completeCourse(f, student, plainCourse, enrollmentId);
    const data = { enrollment_id: enrollmentId, student_id: student.userId, course_id: plainCourse.courseId, completed_at: new Date().toISOString(), course_version: 1 };
    const copy = publisher.event('enrollment.completed', enrollmentId, data);
    const other = publisher.event('enrollment.completed', enrollmentId, data);
    const [, , , ...generated] = await Promise.all([
      publisher.publish(copy),
      publisher.publish(copy),
      publisher.publish(other),
      ...[1, 2, 3].map(() => f.certificate.GenerateCertificate({ enrollment_id: enrollmentId }, f.admin.auth)),
    ]);
    const real = await completions.waitFor('enrollment.completed', (d) => d.enrollment_id === enrollmentId);
    await eventually(async () => {
      for (const id of [copy.id, other.id, real.id]) expect(await handled(f.db, COMPLETION_QUEUE, id)).toBe(true);
    }, 20_000);

    const rows = await certificateRows(f.db, enrollmentId);
    expect(rows).toHaveLength(1);
    const ids = new Set((generated as { certificate?: { id: string } }[]).map((g) => g.certificate!.id));
    expect(ids).toEqual(new Set([rows[0].id]));
    const created = (generated as { created: boolean }[]).filter((g) => g.created).length;
    expect(created).toBe(rows[0].issued_via === 'admin' ? 1 : 0);

    await events.waitFor('certificate.issued', (d) => d.enrollment_id === enrollmentId);
    // the outbox relays in order: a second certificate.issued would have been committed (and relayed) with the
    // handling of one of the three events, all handled above; give the relay a moment to show one if there were
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(events.matching('certificate.issued', (d) => d.enrollment_id === enrollmentId)).toHaveLength(1);

    const [{ certificates, allocated }] = await f.db.query<{ certificates: string; allocated: number }>(
      `SELECT (SELECT count(*) FROM certificates) AS certificates, (SELECT sum(allocated) FROM status_lists)::int AS allocated`,
      { type: QueryTypes.SELECT },
    );
    expect(Number(certificates)).toBe(allocated);
  } finally {
    await publisher.close();
    await completions.close();
  }
});

test('When an admin generates the certificate of an enrolment already certified, then the same certificate comes back with created false and nothing is published', async () => {
  const { enrollmentId, certificate } = await certifiedStudent(f, plainCourse);
  const again = await f.certificate.GenerateCertificate({ enrollment_id: enrollmentId.toUpperCase() }, f.admin.auth);
  expect(again.created).toBe(false);
  expect(again.certificate).toEqual(certificate);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(events.matching('certificate.issued', (d) => d.enrollment_id === enrollmentId)).toHaveLength(1);
});

test('When GenerateCertificate is refused: an incomplete enrolment → FAILED_PRECONDITION, an unknown one → NOT_FOUND, a malformed id → INVALID_ARGUMENT, a student or instructor → PERMISSION_DENIED, no token → UNAUTHENTICATED', async () => {
  const student = await f.newUser('student');
  const incomplete = await enrol(f, student, plainCourse.courseId);
  const generate = (enrollmentId: string, auth?: { authorization: string }) => f.certificate.GenerateCertificate({ enrollment_id: enrollmentId }, auth);

  const notCompleted = await expectGrpcError(generate(incomplete, f.admin.auth), GrpcStatus.FAILED_PRECONDITION, 'CERTIFICATE.COURSE_NOT_COMPLETED');
  expect(notCompleted.message).toBe('Course not completed yet');
  await expectGrpcError(generate(randomUUID(), f.admin.auth), GrpcStatus.NOT_FOUND, 'CERTIFICATE.ENROLLMENT_NOT_FOUND');
  await expectGrpcError(generate('not-a-uuid', f.admin.auth), GrpcStatus.INVALID_ARGUMENT);
  await expectGrpcError(generate(incomplete, student.auth), GrpcStatus.PERMISSION_DENIED, 'CERTIFICATE.ADMIN_ONLY');
  await expectGrpcError(generate(incomplete, f.instructor.auth), GrpcStatus.PERMISSION_DENIED);
  await expectGrpcError(generate(incomplete), GrpcStatus.UNAUTHENTICATED);
  expect(await certificateRows(f.db, incomplete)).toEqual([]);
});

test('When enrollment.completed names an unknown enrolment or one that is not completed, then the consumer acks it (inbox row, nothing parked) and issues nothing', async () => {
  const student = await f.newUser('student');
  const incomplete = await enrol(f, student, plainCourse.courseId);
  const publisher = await eventPublisher(f.vhost.url, 'lms/enrollment');
  try {
    const completedAt = new Date().toISOString();
    const unknown = publisher.event('enrollment.completed', randomUUID(), {
      enrollment_id: randomUUID(),
      student_id: student.userId,
      course_id: plainCourse.courseId,
      completed_at: completedAt,
    });
    const premature = publisher.event('enrollment.completed', incomplete, {
      enrollment_id: incomplete,
      student_id: student.userId,
      course_id: plainCourse.courseId,
      completed_at: completedAt,
    });
    await publisher.publish(unknown);
    await publisher.publish(premature);
    await eventually(async () => {
      expect(await handled(f.db, COMPLETION_QUEUE, unknown.id)).toBe(true);
      expect(await handled(f.db, COMPLETION_QUEUE, premature.id)).toBe(true);
    }, 20_000);
    expect(await certificateRows(f.db, incomplete)).toEqual([]);
    expect(await certificateRows(f.db, unknown.data.enrollment_id as string)).toEqual([]);
  } finally {
    await publisher.close();
  }
});

test('When the open status list is half full, then the next certificate opens a new list (entries stay random and sparse) and allocations are counted per list', async () => {
  await certifiedStudent(f, plainCourse); // a list exists (lists are created on first use)
  const [open] = await f.db.query<{ id: number; size: number }>(`SELECT id, size FROM status_lists ORDER BY id DESC LIMIT 1`, { type: QueryTypes.SELECT });
  await f.db.query(`UPDATE status_lists SET allocated = size / 2 WHERE id = :id`, { replacements: { id: open.id } });
  const { enrollmentId } = await certifiedStudent(f, plainCourse);
  const [row] = await certificateRows(f.db, enrollmentId);
  expect(row.status_list_id).toBe(open.id + 1);
  const lists = await f.db.query<{ id: number; size: number; allocated: number }>(`SELECT id, size, allocated FROM status_lists WHERE id = :id`, {
    type: QueryTypes.SELECT,
    replacements: { id: open.id + 1 },
  });
  expect(lists).toEqual([{ id: open.id + 1, size: open.size, allocated: 1 }]);
});

test('When the student account is deleted before its enrolment is certified, then enrollment.completed is acked and no certificate is issued', async () => {
  const student = await f.newUser('student');
  const enrollmentId = await enrol(f, student, plainCourse.courseId);
  await completeCourse(f, student, plainCourse, enrollmentId);
  await issuedCertificate(f, student, enrollmentId);
  // forget the certificate (as if the completion had not been handled yet), then delete the account
  await f.db.query(`DELETE FROM certificates WHERE enrollment_id = :enrollmentId`, { replacements: { enrollmentId } });
  await f.auth.DeleteUser({ user_id: student.userId }, f.admin.auth);
  const publisher = await eventPublisher(f.vhost.url, 'lms/enrollment');
  try {
    const late = publisher.event('enrollment.completed', enrollmentId, {
      enrollment_id: enrollmentId,
      student_id: student.userId,
      course_id: plainCourse.courseId,
      completed_at: new Date().toISOString(),
    });
    await publisher.publish(late);
    await eventually(async () => expect(await handled(f.db, COMPLETION_QUEUE, late.id)).toBe(true), 20_000);
    expect(await certificateRows(f.db, enrollmentId)).toEqual([]);
    await expectGrpcError(f.certificate.GenerateCertificate({ enrollment_id: enrollmentId }, f.admin.auth), GrpcStatus.NOT_FOUND);
  } finally {
    await publisher.close();
  }
});

test('When an admin generates the certificate of a completed enrolment that has none, then it is issued via admin (snapshot gathered as the service, not as the admin), created true, and published', async () => {
  const { student, enrollmentId, certificate: first } = await certifiedStudent(f, plainCourse);
  // as if the completion had never been handled
  await f.db.query(`DELETE FROM certificates WHERE enrollment_id = :enrollmentId`, { replacements: { enrollmentId } });
  const generated = await f.certificate.GenerateCertificate({ enrollment_id: enrollmentId }, f.admin.auth);
  expect(generated.created).toBe(true);
  expect(generated.certificate).toMatchObject({
    enrollment_id: enrollmentId,
    student_id: student.userId,
    student_name: student.fullName,
    course_title: plainCourse.title,
    instructor_name: f.instructor.fullName,
    completion_date: first.completion_date,
    final_grade: 'Pass',
    is_verified: 'valid',
    pdf_status: 'pending',
  });
  expect(generated.certificate!.id).not.toBe(first.id);
  const [row] = await certificateRows(f.db, enrollmentId);
  expect(row).toMatchObject({ issued_via: 'admin', issued_by_user_id: f.admin.userId });
  const issued = await events.waitFor('certificate.issued', (d) => d.certificate_id === generated.certificate!.id);
  expect(issued.data.issued_via).toBe('admin');
  await events.waitFor('certificate.render_requested', (d) => d.certificate_id === generated.certificate!.id);
});
