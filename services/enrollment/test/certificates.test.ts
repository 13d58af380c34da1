import { randomUUID } from 'node:crypto';
import type { EnrollmentClient } from '@lms/kit/clients';
import { clientSignedAs } from '@lms/testing-fleet';
import { CERTIFICATES_QUEUE } from '../src/events/enrollment.events.schema';
import { eventPublisher, eventually, expectGrpcError, GrpcStatus, handledCount, publishedCourse, startFleet, type Fleet } from './support';

/**
 * Issue 15, what the certificate service needs from enrollment: GetEnrollmentFacts (its service token only, no
 * user token) and the `enrollment.certificates` consumer (certificate.issued / certificate.revoked → the
 * enrolment's certificate_url and certificate_issued_at; the newest fact wins by its own time).
 */
let f: Fleet;
let publisher: Awaited<ReturnType<typeof eventPublisher>>;
const clients: EnrollmentClient[] = [];

/** Enrollment as another service of the fleet calls it (its service token signed with that name). */
function enrollmentAs(service: string): EnrollmentClient {
  const client = clientSignedAs('enrollment', f.enrollmentAddress, service, 5000);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  // One message in hand per queue: a sentinel fact published last is handled after every fact before it.
  f = await startFleet('certificates', { EVENT_PREFETCH: '1' });
  publisher = await eventPublisher(f.vhost.url, 'lms/certificate');
});

afterAll(async () => {
  for (const client of clients) client.close();
  await publisher?.close();
  await f?.close();
});

describe('GetEnrollmentFacts', () => {
  it('answers the certificate service, without a user token, with the enrolment GetEnrollment shows', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 1);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const facts = await enrollmentAs('certificate').GetEnrollmentFacts({ enrollment_id: e.id });
    expect(facts).toEqual(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth));
    expect(facts).toMatchObject({ status: 'active', completed_at: '', certificate_url: '', certificate_issued_at: '' });

    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    const completed = await enrollmentAs('certificate').GetEnrollmentFacts({ enrollment_id: e.id.toUpperCase() });
    expect(completed).toMatchObject({ id: e.id, student_id: f.student.userId, course_id: courseId, status: 'completed', progress_percentage: 100 });
    expect(completed.completed_at).not.toBe('');
  });

  it('refuses every other caller, whatever user token comes along; unknown → NOT_FOUND; malformed → INVALID_ARGUMENT', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    for (const call of [
      () => enrollmentAs('gateway').GetEnrollmentFacts({ enrollment_id: e.id }),
      () => enrollmentAs('quiz').GetEnrollmentFacts({ enrollment_id: e.id }, f.admin.auth),
      () => f.enrollment.GetEnrollmentFacts({ enrollment_id: e.id }, f.student.auth),
    ]) {
      await expectGrpcError(call(), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.CALLER_NOT_ALLOWED');
    }
    await expectGrpcError(enrollmentAs('certificate').GetEnrollmentFacts({ enrollment_id: randomUUID() }), GrpcStatus.NOT_FOUND, 'ENROLLMENT.NOT_FOUND');
    const invalid = await expectGrpcError(enrollmentAs('certificate').GetEnrollmentFacts({ enrollment_id: 'nope' }), GrpcStatus.INVALID_ARGUMENT);
    expect(invalid.fields).toEqual([{ loc: ['enrollment_id'], msg: 'must be a UUID' }]);
  });
});

describe('certificate.issued / certificate.revoked', () => {
  const issued = (enrollmentId: string, issuedAt: Date, certificateId = randomUUID()) =>
    publisher.event('certificate.issued', certificateId, {
      certificate_id: certificateId,
      certificate_number: 'CERT-20260217-0A1B2C3D',
      enrollment_id: enrollmentId,
      student_id: f.student.userId,
      course_id: randomUUID(),
      student_name: 'Student',
      course_title: 'Course',
      instructor_name: 'Instructor',
      completion_date: issuedAt.toISOString(),
      final_grade: 'Pass',
      total_hours: null,
      issued_at: issuedAt.toISOString(),
      issued_via: 'event',
      pdf_url: `http://localhost:8080/api/v1/certificates/${certificateId}/download`,
      verification_url: 'http://localhost:8080/api/v1/certificates/verify/CERT-20260217-0A1B2C3D',
      extra_field_of_a_later_version: true,
    });
  const revoked = (enrollmentId: string, certificateId: string, revokedAt: Date) =>
    publisher.event('certificate.revoked', certificateId, {
      certificate_id: certificateId,
      certificate_number: 'CERT-20260217-0A1B2C3D',
      enrollment_id: enrollmentId,
      student_id: f.student.userId,
      course_id: randomUUID(),
      revoked_at: revokedAt.toISOString(),
      reason: 'Revoked by admin',
    });
  const enrolment = async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    return (await f.enrollment.Enroll({ course_id: courseId }, f.student.auth)).id;
  };
  const shown = async (enrollmentId: string) => {
    const e = await f.enrollment.GetEnrollment({ enrollment_id: enrollmentId }, f.student.auth);
    return { certificate_url: e.certificate_url, certificate_issued_at: e.certificate_issued_at ? new Date(e.certificate_issued_at).toISOString() : '' };
  };
  /** Every fact published before it has been handled once this one has (EVENT_PREFETCH 1, one queue). */
  const barrier = async () => {
    const sentinel = issued(randomUUID(), new Date());
    await publisher.publish(sentinel);
    await eventually(async () => expect(await handledCount(f.db, CERTIFICATES_QUEUE, [sentinel.id])).toBe(1));
  };

  it('issued shows the download URL and time (once, also when delivered twice); revoked clears them; a late issued does not bring it back', async () => {
    const id = await enrolment();
    const at = new Date(Date.now() - 60_000);
    const fact = issued(id, at);
    await publisher.publish(fact);
    await publisher.publish(fact);
    const url = (fact.data as { pdf_url: string }).pdf_url;
    await eventually(async () => expect(await shown(id)).toEqual({ certificate_url: url, certificate_issued_at: at.toISOString() }));
    // The student's list shows it too.
    const mine = await f.enrollment.ListMyEnrollments({ page: 1, page_size: 50, status: '' }, f.student.auth);
    expect(mine.items.find((i) => i.enrollment!.id === id)!.enrollment).toMatchObject({ certificate_url: url });

    await publisher.publish(revoked(id, fact.subject!, new Date(at.getTime() + 30_000)));
    await eventually(async () => expect(await shown(id)).toEqual({ certificate_url: '', certificate_issued_at: '' }));
    // A redelivered or overtaken issued (older than the revocation) changes nothing.
    await publisher.publish(issued(id, at, fact.subject!));
    await barrier();
    expect(await shown(id)).toEqual({ certificate_url: '', certificate_issued_at: '' });
  });

  it('out of order: a revocation handled before its issue leaves the certificate hidden; unknown enrolments are acknowledged', async () => {
    const id = await enrolment();
    const certificateId = randomUUID();
    const at = new Date(Date.now() - 60_000);
    await publisher.publish(revoked(id, certificateId, new Date(at.getTime() + 1000)));
    await publisher.publish(issued(id, at, certificateId));
    const unknown = issued(randomUUID(), at);
    await publisher.publish(unknown);
    await barrier();
    expect(await shown(id)).toEqual({ certificate_url: '', certificate_issued_at: '' });
    expect(await handledCount(f.db, CERTIFICATES_QUEUE, [unknown.id])).toBe(1);
  });
});
