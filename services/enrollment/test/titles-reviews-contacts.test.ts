import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { eventually, expectGrpcError, GrpcStatus, publishedCourse, startFleet, unique, type Fleet } from './support';

/** Issue 12 items 3-5: lesson titles in the progress list, public course reviews, the course list's names and emails. */
describe('titles, reviews and student contacts', () => {
  let f: Fleet;

  beforeAll(async () => {
    f = await startFleet('titles_reviews', { REVIEW_MIN_PROGRESS_PERCENT: '0' });
  });
  afterAll(async () => {
    await f?.close();
  });

  test('When a student reads their progress, then every lesson carries its title from the local model; a rename follows', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 12, (i) => ({ title: `Lesson number ${i}` }));
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    // Every call the service makes to catalog is counted: the student's read makes none, the owner's one
    // (IsCourseOwner, the visibility check) — not one per lesson.
    const catalog = f.service.deps.catalog as unknown as Record<string, (...args: unknown[]) => unknown>;
    const calls: string[] = [];
    const spies = Object.keys(catalog)
      .filter((name) => /^[A-Z]/.test(name) && typeof catalog[name] === 'function')
      .map((name) => {
        const original = catalog[name];
        return jest.spyOn(catalog, name).mockImplementation((...args: unknown[]) => {
          calls.push(name);
          return original(...args);
        });
      });
    let view;
    try {
      view = await f.enrollment.GetProgress({ enrollment_id: e.id }, f.student.auth);
      expect(calls).toEqual([]);
      await f.enrollment.GetProgress({ enrollment_id: e.id }, f.instructor.auth);
      expect(calls).toEqual(['IsCourseOwner']);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(view.lessons.map((l) => l.lesson_title)).toEqual(lessonIds.map((_, i) => `Lesson number ${i}`));
    // The titles come from the enrollment database (one query for all lessons), never from catalog per
    // lesson; a rename reaches the model through lesson.updated (outline refreshed once).
    await f.catalog.UpdateLesson({ lesson_id: lessonIds[3], fields: ['title'], title: 'Renamed lesson' }, f.instructor.auth);
    await eventually(async () => {
      const again = await f.enrollment.GetProgress({ enrollment_id: e.id }, f.instructor.auth);
      expect(again.lessons[3].lesson_title).toBe('Renamed lesson');
    });
    const rows = await f.db.query<{ n: number }>('SELECT count(*)::int AS n FROM lesson_titles WHERE course_id = :courseId', {
      replacements: { courseId },
      type: QueryTypes.SELECT,
    });
    expect(rows[0].n).toBe(12);
  });

  test('When students review, then the public list shows name, rating, text and date only; a second review edits the first', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const a = await f.newUser('student', 'reviewer_a');
    const b = await f.newUser('student', 'reviewer_b');
    const ea = await f.enrollment.Enroll({ course_id: courseId }, a.auth);
    const eb = await f.enrollment.Enroll({ course_id: courseId }, b.auth);
    await f.enrollment.ReviewEnrollment({ enrollment_id: ea.id, rating: 2, review: 'Not my cup of tea.' }, a.auth);
    await f.enrollment.ReviewEnrollment({ enrollment_id: eb.id, rating: 5, review: '' }, b.auth);
    await f.enrollment.ReviewEnrollment({ enrollment_id: ea.id, rating: 4, review: 'Better on a second read.' }, a.auth); // edits

    const page = await f.enrollment.ListCourseReviews({ course_id: courseId, page: 0, page_size: 0 }); // no token
    expect(page).toMatchObject({ total: 2, page: 1, page_size: 20, total_pages: 1 });
    expect(page.items.map((r) => [r.student_name, r.rating, r.review])).toEqual([
      [a.fullName, 4, 'Better on a second read.'],
      [b.fullName, 5, ''],
    ]);
    for (const r of page.items) expect(Object.keys(r).sort()).toEqual(['rating', 'review', 'reviewed_at', 'student_name']);
    const json = JSON.stringify(page);
    for (const u of [a, b]) {
      expect(json).not.toContain(u.email);
      expect(json).not.toContain(u.userId);
    }
    const second = await f.enrollment.ListCourseReviews({ course_id: courseId, page: 2, page_size: 1 });
    expect(second).toMatchObject({ total: 2, page: 2, page_size: 1, total_pages: 2 });
    expect(second.items.map((r) => r.rating)).toEqual([5]);
    const stats = await f.enrollment.GetCourseStats({ course_id: courseId }, f.instructor.auth);
    expect(stats).toMatchObject({ rating_count: 2, average_rating: 4.5 });
  });

  test('When the course is unknown or not published, then its reviews are NOT_FOUND except for its owner and admins', async () => {
    await expectGrpcError(f.enrollment.ListCourseReviews({ course_id: randomUUID(), page: 1, page_size: 10 }), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.enrollment.ListCourseReviews({ course_id: 'nope', page: 1, page_size: 10 }), GrpcStatus.INVALID_ARGUMENT);
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    // the read model knows the course once course.published arrived (an earlier course.unpublished is ignored)
    await eventually(async () => expect((await f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 })).total).toBe(0));
    await f.catalog.UnpublishCourse({ course_id: courseId }, f.instructor.auth);
    await eventually(() => expectGrpcError(f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 }), GrpcStatus.NOT_FOUND));
    await expectGrpcError(f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 }, f.student.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 }, f.otherInstructor.auth), GrpcStatus.NOT_FOUND);
    expect((await f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 }, f.instructor.auth)).total).toBe(0);
    expect((await f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 }, f.admin.auth)).total).toBe(0);
  });

  test("When the owner lists the course's enrolments, then each student comes with name and email; others are refused", async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const students = await Promise.all([1, 2, 3].map((i) => f.newUser('student', `contact_${i}_${unique()}`)));
    for (const s of students) await f.enrollment.Enroll({ course_id: courseId }, s.auth);
    await eventually(async () => {
      const page = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 2, status: '', sort: 'enrolled_desc', cursor: '' }, f.instructor.auth);
      expect(page.items).toHaveLength(2);
      expect(page.student_details_degraded).toBe(false);
      const byId = new Map(page.students.map((s) => [s.id, s]));
      for (const e of page.items) {
        const s = students.find((x) => x.userId === e.student_id)!;
        expect(byId.get(e.student_id)).toEqual({ id: s.userId, full_name: s.fullName, email: s.email.toLowerCase() });
      }
    });
    const admin = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 10, status: '', sort: '', cursor: '' }, f.admin.auth);
    expect(admin.students.map((s) => s.email).sort()).toEqual(students.map((s) => s.email.toLowerCase()).sort());
    const request = { course_id: courseId, page: 1, page_size: 10, status: '', sort: '', cursor: '' };
    await expectGrpcError(f.enrollment.ListCourseEnrollments(request, f.otherInstructor.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.COURSE_OWNER_ONLY');
    await expectGrpcError(f.enrollment.ListCourseEnrollments(request, students[0].auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.COURSE_OWNER_ONLY');
  });

  test('When a reviewer account is deleted, then its reviews stay (the average keeps them) but name nobody, and its email is forgotten', async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const s = await f.newUser('student', 'deleted_reviewer');
    const e = await f.enrollment.Enroll({ course_id: courseId }, s.auth);
    await f.enrollment.ReviewEnrollment({ enrollment_id: e.id, rating: 3, review: 'It was fine overall.' }, s.auth);
    await f.auth.DeleteUser({ user_id: s.userId }, f.admin.auth);
    await eventually(async () => {
      const page = await f.enrollment.ListCourseReviews({ course_id: courseId, page: 1, page_size: 10 });
      expect(page.items.map((r) => [r.student_name, r.rating])).toEqual([['', 3]]);
    });
    const list = await f.enrollment.ListCourseEnrollments({ course_id: courseId, page: 1, page_size: 10, status: '', sort: '', cursor: '' }, f.instructor.auth);
    expect(list.students).toEqual([{ id: s.userId, full_name: '', email: '' }]);
  });
});
