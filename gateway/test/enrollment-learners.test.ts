import { eventually } from '@lms/kit/testing';
import { CLASSROOM_USERS, PASSWORD, startFleet, unique, type Fleet } from '@lms/testing-fleet';
import { login, type LoggedIn } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody, type Api, type ApiResponse } from './support/http';

/**
 * Issue 12 items 3-5 through the gateway against the real auth, catalog and enrollment (one vhost, so auth's
 * user.registered reaches enrollment): the course enrolment list with names and emails and its CSV export,
 * public course reviews, lesson titles in the progress list and the per-enrolment stats.
 */
describe('gateway: who is enrolled, reviews, lesson titles', () => {
  let fleet: Fleet<keyof typeof CLASSROOM_USERS>;
  let gw: TestGateway;
  let api: Api;
  let owner: LoggedIn;
  let other: LoggedIn;
  let student: LoggedIn;
  let admin: LoggedIn;
  let courseId: string;
  let lessonIds: string[];

  const as = (user: LoggedIn) => ({ token: user.access });
  const ok = (res: ApiResponse, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
    return res.body;
  };
  const signIn = (u: { email: string }) => login(api, u.email, PASSWORD);

  beforeAll(async () => {
    fleet = await startFleet({ label: 'gw_learners', services: ['enrollment'], users: CLASSROOM_USERS, env: { enrollment: { REVIEW_MIN_PROGRESS_PERCENT: '0' } } });
    gw = await startGateway(fleet.authAddress, { CATALOG_GRPC_ADDR: fleet.catalog!.address, ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address });
    api = gw.api;
    [owner, other, student] = await Promise.all([signIn(fleet.users.instructor), signIn(fleet.users.otherInstructor), signIn(fleet.users.student)]);
    admin = { ...owner, access: fleet.admin.auth.authorization.replace(/^Bearer /, ''), userId: fleet.admin.userId };
    courseId = (await createCourse(api, owner.access)).id;
    lessonIds = [];
    for (const title of ['Welcome aboard', 'Variables and types', 'Loops']) {
      const lesson = await createLesson(api, owner.access, courseId, { title, content: `# ${title}` });
      await publishLesson(api, owner.access, lesson.id);
      lessonIds.push(lesson.id);
    }
    await publishCourse(api, owner.access, courseId);
  }, 120_000);

  afterAll(async () => {
    await gw?.stop();
    await fleet?.close();
  });

  test('When a student reads their progress and stats, then every lesson and recent lesson carries its title', async () => {
    const enrollmentId = ok(await api.post('/api/v1/enrollments', { course_id: courseId }, as(student)), 201, 'enrol').id;
    ok(await api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonIds[1]}/start`, {}, as(student)), 200, 'start');
    ok(await api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonIds[0]}/complete`, {}, as(student)), 200, 'complete');
    const progress = ok(await api.get(`/api/v1/enrollments/${enrollmentId}/progress`, as(student)), 200, 'progress');
    expect(progress.lessons.map((l: { lesson_title: string; lesson_type: string }) => [l.lesson_title, l.lesson_type])).toEqual([
      ['Welcome aboard', 'text'],
      ['Variables and types', 'text'],
      ['Loops', 'text'],
    ]);
    const stats = ok(await api.get(`/api/v1/enrollments/${enrollmentId}/stats`, as(student)), 200, 'stats');
    expect(stats.recent_lessons.map((l: { lesson_title: string }) => l.lesson_title).sort()).toEqual(['Variables and types', 'Welcome aboard']);
    // the course owner sees the same titles
    const seen = ok(await api.get(`/api/v1/enrollments/${enrollmentId}/progress`, as(owner)), 200, 'owner progress');
    expect(seen.lessons[2].lesson_title).toBe('Loops');
  });

  test("When the owner or an admin lists the course's enrolments, then each row has the student's name and email; others are refused", async () => {
    const s = await fleet.newUser('student', 'listed');
    await fleet.enrollment!.client.Enroll({ course_id: courseId }, s.auth);
    for (const [who, user] of [
      ['owner', owner],
      ['admin', admin],
    ] as const) {
      for (const path of [`/api/v1/courses/${courseId}/enrollments`, `/api/v1/enrollments/courses/${courseId}/enrollments`]) {
        await eventually(async () => {
          const page = ok(await api.get(`${path}?page_size=100`, as(user)), 200, `${who} list`);
          const row = page.enrollments.find((e: { student_id: string }) => e.student_id === s.userId);
          expect(row).toMatchObject({ student_name: s.fullName, student_email: s.email.toLowerCase() });
          expect(page.student_details_degraded).toBe(false);
        });
      }
    }
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments`, as(other)), 403);
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments`, as(student)), 403);
    expectErrorBody(await api.get(`/api/v1/courses/${courseId}/enrollments`), 401);
  });

  test("When an admin changes a student's email and name, then the owner's enrolment list and CSV show the new ones (eventually: user.profile_changed)", async () => {
    const s = await fleet.newUser('student', 'moving');
    await fleet.enrollment!.client.Enroll({ course_id: courseId }, s.auth);
    const rowOf = async () => {
      const page = ok(await api.get(`/api/v1/courses/${courseId}/enrollments?page_size=100`, as(owner)), 200, 'owner list');
      return page.enrollments.find((e: { student_id: string }) => e.student_id === s.userId);
    };
    await eventually(async () => expect(await rowOf()).toMatchObject({ student_email: s.email.toLowerCase() }));
    const next = `moved.${unique()}@example.test`;
    ok(await api.put(`/api/v1/users/${s.userId}`, { email: next, full_name: 'Moved Learner' }, as(admin)), 200, 'admin change');
    await eventually(async () => {
      expect(await rowOf()).toMatchObject({ student_name: 'Moved Learner', student_email: next });
      const csv = await api.get(`/api/v1/courses/${courseId}/enrollments/export`, as(owner));
      expect(csv.text).toContain(`Moved Learner,${next},${s.userId},`);
      expect(csv.text).not.toContain(s.email.toLowerCase());
    });
  });

  test('When the owner exports the enrolments as CSV, then every row (beyond one page) comes, formula cells are neutralised; others are refused', async () => {
    const { courseId: bigCourse } = { courseId: (await createCourse(api, owner.access)).id };
    const lesson = await createLesson(api, owner.access, bigCourse, { title: 'Only lesson', content: '# x' });
    await publishLesson(api, owner.access, lesson.id);
    await publishCourse(api, owner.access, bigCourse);
    const email = `formula.${unique()}@example.test`;
    ok(await api.post('/api/v1/auth/register', { email, password: PASSWORD, full_name: '=HYPERLINK("http://evil.example","x")', role: 'student' }), 201, 'register');
    const evil = await login(api, email, PASSWORD);
    const students = [evil];
    for (let i = 0; i < 104; i += 13) {
      const batch = await Promise.all(Array.from({ length: 13 }, () => fleet.newUser('student', 'bulk')));
      students.push(...batch.map((b) => ({ ...evil, email: b.email, userId: b.userId, access: b.auth.authorization.replace(/^Bearer /, '') })));
    }
    await eventually(() => fleet.enrollment!.client.Enroll({ course_id: bigCourse }, { authorization: `Bearer ${evil.access}` }));
    for (let i = 1; i < students.length; i += 15) {
      await Promise.all(students.slice(i, i + 15).map((u) => fleet.enrollment!.client.Enroll({ course_id: bigCourse }, { authorization: `Bearer ${u.access}` })));
    }
    expect(students.length).toBeGreaterThan(100);

    await eventually(async () => {
      const res = await api.get(`/api/v1/courses/${bigCourse}/enrollments/export`, as(owner));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="course-[0-9a-f-]+-enrollments\.csv"$/);
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'student_name,student_email,student_id,enrollment_id,status,progress_percentage,completed_lessons_count,total_lessons_count,enrolled_at,last_accessed_at,completed_at,expires_at,rating',
      );
      expect(lines).toHaveLength(students.length + 1);
      for (const u of students) expect(res.text).toContain(`,${u.email.toLowerCase()},${u.userId},`);
      const evilLine = lines.find((l) => l.includes(evil.userId))!;
      expect(evilLine.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")",${email},`)).toBe(true);
      expect(lines.slice(1).every((l) => !/^[=+\-@]/.test(l) && !l.includes(',=') && !l.includes(',+') && !l.includes(',@'))).toBe(true);
    });
    const admins = await api.get(`/api/v1/courses/${bigCourse}/enrollments/export?status=active&sort=enrolled_desc`, as(admin));
    expect(admins.status).toBe(200);
    expect(admins.text.trimEnd().split('\r\n')).toHaveLength(students.length + 1);
    expectErrorBody(await api.get(`/api/v1/courses/${bigCourse}/enrollments/export`, as(other)), 403);
    expectErrorBody(await api.get(`/api/v1/courses/${bigCourse}/enrollments/export`, as(evil)), 403);
    expectErrorBody(await api.get(`/api/v1/courses/${bigCourse}/enrollments/export`), 401);
    expectErrorBody(await api.get(`/api/v1/courses/${bigCourse}/enrollments/export?sort=nope`, as(owner)), 422);
  }, 120_000);

  test('When students review, then anyone reads name, rating, text and date (no email, no id); a second review edits the first and the average stays exact', async () => {
    const c = (await createCourse(api, owner.access)).id;
    const l = await createLesson(api, owner.access, c, { title: 'Reviewed lesson', content: '# r' });
    await publishLesson(api, owner.access, l.id);
    await publishCourse(api, owner.access, c);
    const [a, b] = await Promise.all([fleet.newUser('student', 'rev_a'), fleet.newUser('student', 'rev_b')]);
    const [la, lb] = await Promise.all([signIn(a), signIn(b)]);
    const ea = ok(await api.post('/api/v1/enrollments', { course_id: c }, as(la)), 201, 'enrol a').id;
    const eb = ok(await api.post('/api/v1/enrollments', { course_id: c }, as(lb)), 201, 'enrol b').id;
    ok(await api.post(`/api/v1/enrollments/${ea}/review`, { rating: 1, review: 'Too fast for me, sorry.' }, as(la)), 200, 'review a');
    ok(await api.post(`/api/v1/enrollments/${eb}/review`, { rating: 4, review: 'Solid introduction.' }, as(lb)), 200, 'review b');
    await eventually(async () => expect(ok(await api.get(`/api/v1/courses/${c}`), 200, 'course')).toMatchObject({ average_rating: 2.5, total_reviews: 2 }));
    // a's second review edits the first: still two reviews, average (5 + 4) / 2
    ok(await api.post(`/api/v1/enrollments/${ea}/review`, { rating: 5, review: 'Second pass: excellent.' }, as(la)), 200, 'edit a');
    await eventually(async () => expect(ok(await api.get(`/api/v1/courses/${c}`), 200, 'course')).toMatchObject({ average_rating: 4.5, total_reviews: 2 }));

    const res = await api.get(`/api/v1/courses/${c}/reviews`);
    const page = ok(res, 200, 'reviews');
    expect(page).toMatchObject({ total: 2, page: 1, page_size: 20, total_pages: 1 });
    expect(page.reviews.map((r: Record<string, unknown>) => [r.student_name, r.rating, r.review])).toEqual([
      [a.fullName, 5, 'Second pass: excellent.'],
      [b.fullName, 4, 'Solid introduction.'],
    ]);
    for (const r of page.reviews) {
      expect(Object.keys(r).sort()).toEqual(['rating', 'review', 'reviewed_at', 'student_name']);
      expect(r.reviewed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    for (const u of [a, b]) {
      expect(res.text).not.toContain(u.email);
      expect(res.text).not.toContain(u.userId);
    }
    expect(res.text).not.toMatch(/@example\.test/);
    const second = ok(await api.get(`/api/v1/courses/${c}/reviews?page=2&page_size=1`, as(student)), 200, 'page 2');
    expect(second).toMatchObject({ total: 2, page: 2, page_size: 1, total_pages: 2 });
    expect(second.reviews.map((r: { rating: number }) => r.rating)).toEqual([4]);
    expectErrorBody(await api.get(`/api/v1/courses/${c}/reviews?page_size=101`), 422);
  });

  test('When the course is unknown or not published, then its reviews are 404 like the course itself', async () => {
    expectErrorBody(await api.get('/api/v1/courses/00000000-0000-4000-8000-000000000000/reviews'), 404);
    const draft = (await createCourse(api, owner.access)).id;
    expectErrorBody(await api.get(`/api/v1/courses/${draft}/reviews`), 404);
    expectErrorBody(await api.get(`/api/v1/courses/${draft}/reviews`, as(other)), 404);
    expect(ok(await api.get(`/api/v1/courses/${draft}/reviews`, as(owner)), 200, 'owner').total).toBe(0);
  });
});
