import { randomUUID } from 'node:crypto';
import { captureEvents, countViolations, eventually, expectGrpcError, GrpcStatus, publishedCourse, startFleet, unique, type Fleet } from './support';

/** Enrolments: enrol, re-activate, drop, review, my courses, the course side (lists, stats, bulk), IsEnrolled. */
describe('enrolments', () => {
  let f: Fleet;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    f = await startFleet('enrolments', { REVIEW_MIN_PROGRESS_PERCENT: '50' });
    events = await captureEvents(f.vhost.url, ['enrollment.*']);
  });
  afterAll(async () => {
    await events?.close();
    await f?.close();
  });

  test('When a student enrols in a draft, an unknown or an archived course, then the refusal says why', async () => {
    const draft = await f.catalog.CreateCourse({ title: `Draft ${unique()}`, description: 'd', category: 'Testing', difficulty_level: 'beginner' }, f.instructor.auth);
    // The student cannot even see a draft: NOT_FOUND; its owner could, but only students enrol.
    await expectGrpcError(f.enrollment.Enroll({ course_id: draft.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'ENROLLMENT.COURSE_NOT_FOUND');
    await expectGrpcError(f.enrollment.Enroll({ course_id: draft.id }, f.instructor.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.STUDENTS_ONLY');
    await expectGrpcError(f.enrollment.Enroll({ course_id: randomUUID() }, f.student.auth), GrpcStatus.NOT_FOUND, 'ENROLLMENT.COURSE_NOT_FOUND');

    const { courseId } = await publishedCourse(f, f.instructor, 1);
    await f.catalog.UnpublishCourse({ course_id: courseId }, f.instructor.auth);
    const refused = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth).catch((e: unknown) => e as { code: string });
    expect(['ENROLLMENT.COURSE_NOT_FOUND', 'ENROLLMENT.COURSE_NOT_PUBLISHED']).toContain((refused as { code: string }).code);
  });

  test('When a student enrols twice, then 409-style ALREADY_EXISTS; after a drop, enrolling re-activates the same enrolment with its progress', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    await expectGrpcError(f.enrollment.Enroll({ course_id: courseId }, f.student.auth), GrpcStatus.ALREADY_EXISTS, 'ENROLLMENT.ALREADY_EXISTS');
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);

    const dropped = await f.enrollment.DropEnrollment({ enrollment_id: e.id }, f.student.auth);
    expect(dropped).toMatchObject({ status: 'dropped' });
    expect(dropped.dropped_at).not.toBe('');
    expect((await f.enrollment.DropEnrollment({ enrollment_id: e.id }, f.student.auth)).dropped_at).toBe(dropped.dropped_at); // idempotent
    await expectGrpcError(
      f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'ENROLLMENT.NOT_ACTIVE',
    );

    const back = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    expect(back).toMatchObject({ id: e.id, status: 'active', completed_lessons_count: 1, progress_percentage: 50, dropped_at: '' });
    await events.waitFor('enrollment.reactivated', (d) => d.enrollment_id === e.id);
    expect(events.matching('enrollment.dropped', (d) => d.enrollment_id === e.id)).toHaveLength(1);
    expect(events.matching('enrollment.created', (d) => d.enrollment_id === e.id)).toHaveLength(1);
    const created = events.matching('enrollment.created', (d) => d.enrollment_id === e.id)[0];
    // issue 13: the course's list price (publishedCourse: free) rides along
    expect(Object.keys(created.data).sort()).toEqual(['course_id', 'currency', 'enrolled_at', 'enrollment_id', 'price_cents', 'student_id']);
    expect(created.data).toMatchObject({ price_cents: 0 });
  });

  test('When concurrent enrolments race, then exactly one succeeds', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const s = await f.newUser('student', 'racer');
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => f.enrollment.Enroll({ course_id: courseId }, s.auth)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason.code).toBe('ENROLLMENT.ALREADY_EXISTS');
  });

  test('When a student reviews too early, then it is refused; past the minimum the rating is stored and enrollment.reviewed carries it', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    await expectGrpcError(
      f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating: 5, review: 'Great course, really' }, f.student.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'ENROLLMENT.REVIEW_NOT_ALLOWED',
    );
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    for (const [rating, review] of [[0, ''], [6, ''], [3, 'short']] as const) {
      await expectGrpcError(f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating, review }, f.student.auth), GrpcStatus.INVALID_ARGUMENT);
    }
    const reviewed = await f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating: 4, review: 'Clear and well paced.' }, f.student.auth);
    expect(reviewed).toMatchObject({ rating: 4, review: 'Clear and well paced.' });
    const event = await events.waitFor('enrollment.reviewed', (d) => d.enrollment_id === e.id);
    expect(event.data).toEqual({
      enrollment_id: e.id,
      student_id: f.student.userId,
      course_id: courseId,
      rating: 4,
      review: 'Clear and well paced.', // issue 13
      reviewed_at: reviewed.reviewed_at,
    });
    // Only the enrolled student reviews.
    await expectGrpcError(f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating: 1, review: '' }, f.admin.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.OWNER_ONLY');
  });

  test('When a student lists their courses, then pages carry titles and thumbnails (one batched catalog call) and filter by status', async () => {
    const s = await f.newUser('student', 'lister');
    const courses = [];
    for (let i = 0; i < 3; i++) courses.push(await publishedCourse(f, f.instructor, 1));
    const enrolments = [];
    for (const c of courses) enrolments.push(await f.enrollment.Enroll({ course_id: c.courseId }, s.auth));
    await f.enrollment.CompleteLesson({ enrollment_id: enrolments[0].id, lesson_id: courses[0].lessonIds[0] }, s.auth);

    const page1 = await f.enrollment.ListMyEnrollments({ page: 1, page_size: 2, status: '' }, s.auth);
    expect(page1).toMatchObject({ total: 3, page: 1, page_size: 2, total_pages: 2, course_details_degraded: false });
    expect(page1.items.map((i) => i.course!.title)).toEqual([courses[2].title, courses[1].title]);
    expect(page1.items[0].course!.thumbnail_url).toBe('https://img.example/t.png');
    const completed = await f.enrollment.ListMyEnrollments({ page: 1, page_size: 20, status: 'completed' }, s.auth);
    expect(completed.items.map((i) => i.enrollment!.id)).toEqual([enrolments[0].id]);
    await expectGrpcError(f.enrollment.ListMyEnrollments({ page: 1, page_size: 20, status: 'bogus' }, s.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.enrollment.ListMyEnrollments({ page: 1, page_size: 101, status: '' }, s.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When the instructor lists a course, then it is sorted by progress or last activity, filtered by status, paged by offset or cursor; stats add up', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 4);
    const students = await Promise.all(Array.from({ length: 5 }, (_, i) => f.newUser('student', `sorted${i}`)));
    const ids: string[] = [];
    for (const [i, s] of students.entries()) {
      const e = await f.enrollment.Enroll({ course_id: courseId }, s.auth);
      ids.push(e.id);
      for (const lessonId of lessonIds.slice(0, i)) await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonId }, s.auth);
    }
    await f.enrollment.DropEnrollment({ enrollment_id: ids[0] }, students[0].auth);
    await f.enrollment.ReviewEnrollment({ enrollment_id: ids[4], rating: 5, review: '' }, students[4].auth);
    await f.enrollment.ReviewEnrollment({ enrollment_id: ids[3], rating: 4, review: '' }, students[3].auth);

    const byProgress = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 10, status: '', sort: 'progress_desc', cursor: '' }, f.instructor.auth);
    expect(byProgress.items.map((e) => e.progress_percentage)).toEqual([100, 75, 50, 25, 0]);
    const asc = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 10, status: 'active', sort: 'progress_asc', cursor: '' }, f.admin.auth);
    expect(asc.items.map((e) => e.progress_percentage)).toEqual([25, 50, 75]);
    const recent = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 10, status: '', sort: 'last_accessed_desc', cursor: '' }, f.instructor.auth);
    expect(recent.items.map((e) => e.id)).toEqual([...ids].reverse()); // learning activity (not drops or reviews) counts

    // keyset pages walk the same order without gaps or repeats
    const walked: string[] = [];
    let cursor = '';
    do {
      const page = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 2, status: '', sort: 'progress_desc', cursor }, f.instructor.auth);
      walked.push(...page.items.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(walked).toEqual(byProgress.items.map((e) => e.id));
    await expectGrpcError(
      f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 2, status: '', sort: 'progress_desc', cursor: 'garbage' }, f.instructor.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );

    expect(byProgress.total).toBe(5);
    expect(asc.total).toBe(3);
    expect(await countViolations(f.db)).toEqual([]);
    const stats = await f.enrollment.GetCourseStats({ course_id: courseId }, f.instructor.auth);
    expect(stats).toMatchObject({
      total_enrollments: 5,
      active_enrollments: 3,
      completed_enrollments: 1,
      dropped_enrollments: 1,
      completion_rate: 25,
      average_progress: 62.5,
      average_rating: 4.5,
      rating_count: 2,
      total_lessons_count: 4,
    });
  });

  test('When an admin or the owner bulk-enrols ids and emails, then each row has a result, and re-running it enrols nobody twice', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const [a, b, c] = await Promise.all([f.newUser('student', 'bulka'), f.newUser('student', 'bulkb'), f.newUser('student', 'bulkc')]);
    await f.enrollment.Enroll({ course_id: courseId }, c.auth);
    const request = {
      course_id: courseId,
      user_ids: [a.userId, c.userId, randomUUID(), 'not-a-uuid', f.otherInstructor.userId, a.userId],
      emails: [b.email.toUpperCase(), 'nobody@example.test', 'broken@'],
    };
    const job = await f.enrollment.BulkEnroll(request, f.instructor.auth);
    expect(job.results.map((r) => r.result)).toEqual([
      'enrolled',
      'already_enrolled',
      'unknown_user',
      'invalid',
      'invalid',
      'invalid',
      'accepted',
      'accepted',
      'invalid',
    ]);
    // Email rows say nothing about the account (see the next test); the counts cover the id rows.
    expect(job).toMatchObject({ total: 9, enrolled: 1, already_enrolled: 1, unknown_user: 1, invalid: 4, status: 'completed' });
    expect(job.results[6]).toMatchObject({ user_id: '', enrollment_id: '' });

    const rerun = await f.enrollment.BulkEnroll(request, f.admin.auth);
    expect(rerun).toMatchObject({ enrolled: 0, already_enrolled: 2 });
    expect(rerun.results[0].enrollment_id).toBe(job.results[0].enrollment_id);
    const mine = await f.enrollment.ListMyEnrollments({ page: 1, page_size: 20, status: '' }, b.auth);
    expect(mine.items.map((i) => i.enrollment!.course_id)).toEqual([courseId]);

    expect(await countViolations(f.db)).toEqual([]);
    await expectGrpcError(f.enrollment.BulkEnroll(request, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.COURSE_OWNER_ONLY');
    await expectGrpcError(f.enrollment.BulkEnroll(request, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.enrollment.BulkEnroll({ course_id: courseId, user_ids: [], emails: [] }, f.admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When the owner bulk-enrols by email, then the rows of an unknown address, a deactivated student, an instructor, an enrolled and an enrolable student are indistinguishable, and only the enrolable student is enrolled', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const [fresh, gone, enrolled] = await Promise.all([f.newUser('student', 'bulkfresh'), f.newUser('student', 'bulkgone'), f.newUser('student', 'bulkin')]);
    await f.enrollment.Enroll({ course_id: courseId }, enrolled.auth);
    await f.auth.DeactivateUser({ user_id: gone.userId }, f.admin.auth);
    const emails = [fresh.email, 'nobody.' + unique() + '@example.test', gone.email, f.otherInstructor.email, enrolled.email];
    const job = await f.enrollment.BulkEnroll({ course_id: courseId, user_ids: [], emails }, f.instructor.auth);
    const shapes = job.results.map(({ row: _row, input: _input, ...rest }) => rest);
    expect(new Set(shapes.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(shapes[0]).toMatchObject({ result: 'accepted', user_id: '', enrollment_id: '' });
    expect(job).toMatchObject({ total: 5, enrolled: 0, already_enrolled: 0, unknown_user: 0, invalid: 0 });

    // The owner learns who was enrolled from the course's enrolment list, like any enrolment.
    const list = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 10, status: '', sort: 'enrolled_desc', cursor: '' }, f.instructor.auth);
    expect(list.items.map((e) => e.student_id).sort()).toEqual([fresh.userId, enrolled.userId].sort());
    expect(await countViolations(f.db)).toEqual([]);
  });

  test('When another service asks IsEnrolled with the user token, then students learn about themselves only, owners and admins about anyone', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: '' }, f.student.auth)).toEqual({ enrolled: true, enrollment_id: e.id, status: 'active', expires_at: '', lesson_locked: false, unlock_at: '', lock_reason: '', missing_lesson_ids: [], lesson_completed: false });
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: f.student.userId }, f.instructor.auth)).toMatchObject({ enrolled: true });
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: f.otherStudent.userId }, f.admin.auth)).toEqual({ enrolled: false, enrollment_id: '', status: '', expires_at: '', lesson_locked: false, unlock_at: '', lock_reason: '', missing_lesson_ids: [], lesson_completed: false });
    await expectGrpcError(f.enrollment.IsEnrolled({ course_id: courseId, student_id: f.student.userId }, f.otherStudent.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(f.enrollment.IsEnrolled({ course_id: courseId, student_id: f.student.userId }, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED);
    await f.enrollment.DropEnrollment({ enrollment_id: e.id }, f.admin.auth);
    expect(await f.enrollment.IsEnrolled({ course_id: courseId, student_id: '' }, f.student.auth)).toEqual({ enrolled: false, enrollment_id: e.id, status: 'dropped', expires_at: '', lesson_locked: false, unlock_at: '', lock_reason: '', missing_lesson_ids: [], lesson_completed: false });
  });

  test('When catalog is down, then my courses is still served with local titles (degraded) and enrolment in a known published course still works', async () => {
    const { courseId, title } = await publishedCourse(f, f.instructor, 1);
    const s = await f.newUser('student', 'degraded');
    const first = await f.enrollment.Enroll({ course_id: courseId }, s.auth);
    // the course.published event carries the title into our read model
    await eventually(async () => {
      const [rows] = await f.db.query('SELECT title FROM courses WHERE course_id = :courseId', { replacements: { courseId } });
      expect((rows as { title: string }[])[0].title).toBe(title);
    });
    await f.enrollment.DropEnrollment({ enrollment_id: first.id }, s.auth);
    await f.stopCatalog();
    const back = await f.enrollment.Enroll({ course_id: courseId }, s.auth);
    expect(back.id).toBe(first.id);
    const page = await f.enrollment.ListMyEnrollments({ page: 1, page_size: 20, status: '' }, s.auth);
    expect(page.course_details_degraded).toBe(true);
    expect(page.items[0].course).toMatchObject({ id: courseId, title, thumbnail_url: '' });
  });
});
