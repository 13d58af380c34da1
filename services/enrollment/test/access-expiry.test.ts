import { QueryTypes } from 'sequelize';
import { captureEvents, eventually, expectGrpcError, GrpcStatus, publishedCourse, startFleet, unique, type Fleet } from './support';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Time-limited access (issue 9 C): catalog's `access_days` → `expires_at` on enrolment; the `expired`
 * status set AT the due time by the access-expiry timer consumer (kit `dueAt`, no client call, no cron);
 * an expired student cannot write progress (reads still work) and is not enrolled for other services
 * (quiz start); the course's instructor or an admin extends access. Plus bulk enrolment by user id
 * refusing a deactivated account (issue 9 B).
 */
describe('access expiry', () => {
  let f: Fleet;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    f = await startFleet('expiry');
    events = await captureEvents(f.vhost.url, ['enrollment.*']);
  });
  afterAll(async () => {
    await events?.close();
    await f?.close();
  });

  async function limitedCourse(days: number, lessons = 2) {
    const c = await publishedCourse(f, f.instructor, lessons);
    const updated = await f.catalog.UpdateCourse({ course_id: c.courseId, fields: ['access_days'], access_days: days }, f.instructor.auth);
    expect(updated.access_days).toBe(days);
    return c;
  }

  test('When a course grants 30 days of access, then an enrolment ends 30 days after it began and the timer is armed; a lifetime course has no end', async () => {
    const created = await f.catalog.CreateCourse({ title: `Timed ${unique()}`, description: 'd', access_days: 30 }, f.instructor.auth);
    expect(created.access_days).toBe(30);
    const { courseId } = await limitedCourse(30);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    expect(e.status).toBe('active');
    expect(new Date(e.expires_at).getTime() - new Date(e.enrolled_at).getTime()).toBe(30 * DAY_MS);
    expect(e.certificate_url).toBe('');
    const scheduled = await events.waitFor('enrollment.access_scheduled', (d) => d.enrollment_id === e.id);
    expect(scheduled.data).toMatchObject({ expires_at: e.expires_at, reason: 'enrolled', student_id: f.student.userId, course_id: courseId });
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: '' }, f.student.auth)).toMatchObject({ enrolled: true, expires_at: e.expires_at });

    const lifetime = await publishedCourse(f, f.instructor, 1);
    const forever = await f.enrollment.Enroll({ course_id: lifetime.courseId }, f.student.auth);
    expect(forever.expires_at).toBe('');
    // days cannot shorten a lifetime enrolment into something; an absolute end can be set
    await expectGrpcError(f.enrollment.ExtendEnrollment({ enrollment_id: forever.id, days: 5 }, f.instructor.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.LIFETIME_ACCESS');
  });

  test('When the end of access comes, then the enrolment expires with no client call; the student can read but not write progress, is not enrolled for quizzes, cannot re-enrol, and an extension re-activates it', async () => {
    const { courseId, lessonIds } = await limitedCourse(30);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    // A tiny access window: the course owner sets the end 3 s ahead.
    const soon = new Date(Date.now() + 3000).toISOString();
    const extended = await f.enrollment.ExtendEnrollment({ enrollment_id: e.id, expires_at: soon }, f.instructor.auth);
    expect(extended.expires_at).toBe(soon);

    // Nobody calls anything: the timer consumer expires it at its due time (never before).
    const expiredEvent = await events.waitFor('enrollment.expired', (d) => d.enrollment_id === e.id, 30_000);
    expect(new Date(expiredEvent.data.expired_at).getTime()).toBeGreaterThanOrEqual(new Date(soon).getTime());
    expect(expiredEvent.data).toMatchObject({ student_id: f.student.userId, course_id: courseId, expires_at: soon });
    const after = await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth);
    expect(after).toMatchObject({ status: 'expired', expires_at: soon, completed_lessons_count: 1 });

    // Writes refused with a clear code; reads still work.
    await expectGrpcError(f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.EXPIRED');
    await expectGrpcError(
      f.enrollment.UpdateLessonProgress({ enrollment_id: e.id, lesson_id: lessonIds[1], fields: ['notes'], notes: 'late' }, f.student.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'ENROLLMENT.EXPIRED',
    );
    await expectGrpcError(f.enrollment.StartLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.EXPIRED');
    const progress = await f.enrollment.GetProgress({ enrollment_id: e.id }, f.student.auth);
    expect(progress.lessons.map((l) => l.progress!.status)).toEqual(['completed', 'not_started']);
    // Quiz start asks IsEnrolled: an expired student is not enrolled.
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: '' }, f.student.auth)).toEqual({
      enrolled: false,
      enrollment_id: e.id,
      status: 'expired',
      expires_at: soon,
      // no lesson asked about (issue 10 A2: IsEnrolled with a lesson_id answers its lock)
      lesson_locked: false, unlock_at: '', lock_reason: '', missing_lesson_ids: [], lesson_completed: false,
    });
    // Enrolling again does not re-open it.
    await expectGrpcError(f.enrollment.Enroll({ course_id: courseId }, f.student.auth), GrpcStatus.FAILED_PRECONDITION, 'ENROLLMENT.EXPIRED');

    // Only the course's instructor or an admin extends: the student 403-style, strangers NOT_FOUND.
    await expectGrpcError(f.enrollment.ExtendEnrollment({ enrollment_id: e.id, days: 10 }, f.student.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.COURSE_OWNER_ONLY');
    await expectGrpcError(f.enrollment.ExtendEnrollment({ enrollment_id: e.id, days: 10 }, f.otherStudent.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.enrollment.ExtendEnrollment({ enrollment_id: e.id, days: 10 }, f.otherInstructor.auth), GrpcStatus.NOT_FOUND);

    const before = Date.now();
    const back = await f.enrollment.ExtendEnrollment({ enrollment_id: e.id, days: 10 }, f.admin.auth);
    expect(back.status).toBe('active');
    const end = new Date(back.expires_at).getTime();
    expect(end).toBeGreaterThanOrEqual(before + 10 * DAY_MS);
    expect(end).toBeLessThanOrEqual(Date.now() + 10 * DAY_MS);
    await events.waitFor('enrollment.reactivated', (d) => d.enrollment_id === e.id);
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: f.student.userId }, f.instructor.auth)).toMatchObject({ enrolled: true, status: 'active' });
    const done = await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth);
    expect(done.status).toBe('completed');
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).status).toBe('completed');
  });

  test('When access is extended before its end, then the old timer does nothing', async () => {
    const { courseId } = await limitedCourse(30, 1);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    const soon = new Date(Date.now() + 1500).toISOString();
    await f.enrollment.ExtendEnrollment({ enrollment_id: e.id, expires_at: soon }, f.instructor.auth);
    const later = await f.enrollment.ExtendEnrollment({ enrollment_id: e.id, days: 1 }, f.instructor.auth);
    // days are added to the current end while it is in the future
    expect(new Date(later.expires_at).getTime()).toBe(new Date(soon).getTime() + DAY_MS);
    // The 1.5 s timer fires (handled: its id is in the consumer's inbox) and leaves the enrolment active.
    const timer = await events.waitFor('enrollment.access_scheduled', (d) => d.enrollment_id === e.id && d.expires_at === soon);
    await eventually(async () => {
      const rows = await f.db.query('SELECT 1 FROM inbox WHERE consumer = :c AND event_id = :id', {
        type: QueryTypes.SELECT,
        replacements: { c: 'enrollment.access-expiry', id: timer.id },
      });
      expect(rows).toHaveLength(1);
    }, 20_000);
    expect((await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.otherStudent.auth)).status).toBe('active');
    expect(events.matching('enrollment.expired', (d) => d.enrollment_id === e.id)).toHaveLength(0);
  });

  test('When an extension is malformed, then INVALID_ARGUMENT names the field', async () => {
    const { courseId } = await limitedCourse(30, 1);
    const student = await f.newUser('student', 'extbad');
    const e = await f.enrollment.Enroll({ course_id: courseId }, student.auth);
    for (const bad of [
      {},
      { days: 3651 },
      { days: -1 },
      { days: 2, expires_at: new Date(Date.now() + DAY_MS).toISOString() },
      { expires_at: new Date(Date.now() - 1000).toISOString() },
      { expires_at: 'tomorrow' },
      { expires_at: new Date(Date.now() + 3651 * DAY_MS).toISOString() },
    ]) {
      await expectGrpcError(f.enrollment.ExtendEnrollment({ enrollment_id: e.id, ...bad }, f.admin.auth), GrpcStatus.INVALID_ARGUMENT);
    }
    await expectGrpcError(f.catalog.UpdateCourse({ course_id: courseId, fields: ['access_days'], access_days: 4000 }, f.instructor.auth), GrpcStatus.INVALID_ARGUMENT);
    // 0 = back to lifetime for new enrolments
    expect((await f.catalog.UpdateCourse({ course_id: courseId, fields: ['access_days'], access_days: 0 }, f.instructor.auth)).access_days).toBe(0);
  });

  test('When the owner bulk-enrols a deactivated student by user id, then that row is refused like the email path refuses it; once re-activated, the student is enrolled', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const gone = await f.newUser('student', 'bulkgone');
    const active = await f.newUser('student', 'bulkactive');
    await f.auth.DeactivateUser({ user_id: gone.userId }, f.admin.auth);
    const known = async (id: string) =>
      (await f.db.query<{ is_active: boolean }>('SELECT is_active FROM user_accounts WHERE user_id = :id', { type: QueryTypes.SELECT, replacements: { id } }))[0];
    // auth's user.deactivated reaches the read model
    await eventually(async () => expect(await known(gone.userId)).toEqual({ is_active: false }));

    const job = await f.enrollment.BulkEnroll({ course_id: courseId, user_ids: [gone.userId, active.userId], emails: [] }, f.instructor.auth);
    expect(job.results.map((r) => [r.result, r.detail])).toEqual([
      ['invalid', 'the account is deactivated'],
      ['enrolled', ''],
    ]);
    expect(job.results[0].enrollment_id).toBe('');

    await f.auth.ActivateUser({ user_id: gone.userId }, f.admin.auth);
    await eventually(async () => expect(await known(gone.userId)).toEqual({ is_active: true }));
    const again = await f.enrollment.BulkEnroll({ course_id: courseId, user_ids: [gone.userId], emails: [] }, f.instructor.auth);
    expect(again.results.map((r) => r.result)).toEqual(['enrolled']);
  });
});
