import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { eventually } from '@lms/kit/testing';
import { expectErrorBody, type ApiResponse } from './support/http';
import { startQuizFleet, type QuizFleet } from './support/quiz';
import type { LoggedIn } from './support/auth';

/**
 * Issue 12 item 1 through the gateway, against the real auth, catalog, enrollment and quiz services:
 * unpublishing or archiving a course stops new enrolments only. Enrolled students keep reading the course,
 * its outline, its lessons (drip rules still apply) and their progress; everyone else gets 404 and the
 * course is out of the public lists. An archived course can be unarchived (→ draft) and published again.
 */
describe('gateway: enrolled learners keep their course when it is unpublished or archived', () => {
  let fleet: QuizFleet;
  let courseId: string;
  let lessonId: string;
  let dripId: string;
  let enrollmentId: string;

  const as = (user: LoggedIn) => ({ token: user.access });
  const ok = (res: ApiResponse, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
    return res.body;
  };

  beforeAll(async () => {
    fleet = await startQuizFleet('keep');
    const { api, owner } = fleet;
    courseId = (await createCourse(api, owner.access)).id;
    lessonId = (await createLesson(api, owner.access, courseId, { title: 'Week 1', content: '# Week 1 material' })).id;
    await publishLesson(api, owner.access, lessonId);
    dripId = (await createLesson(api, owner.access, courseId, { title: 'Week 6', content: '# Week 6 material', unlock_after_days: 7 })).id;
    await publishLesson(api, owner.access, dripId);
    await publishCourse(api, owner.access, courseId);
    enrollmentId = ok(await api.post('/api/v1/enrollments', { course_id: courseId }, as(fleet.student)), 201, 'enrol').id;
    ok(await api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`, {}, as(fleet.student)), 200, 'complete');
    // the catalog's read model has seen the enrolment (the IsEnrolled fallback covers the gap anyway)
    await eventually(async () => {
      expect(ok(await api.get(`/api/v1/courses/${courseId}`), 200, 'course').enrollment_count).toBe(1);
    });
  }, 120_000);

  afterAll(async () => {
    await fleet?.stop();
  });

  async function expectEnrolledReads(state: string) {
    const { api, student } = fleet;
    expect(ok(await api.get(`/api/v1/courses/${courseId}`, as(student)), 200, `${state}: course`)).toMatchObject({ id: courseId, is_published: false });
    const outline = ok(await api.get(`/api/v1/courses/${courseId}/sections`, as(student)), 200, `${state}: outline`);
    expect(JSON.stringify(outline)).toContain(lessonId);
    const lessons = ok(await api.get(`/api/v1/courses/${courseId}/lessons`, as(student)), 200, `${state}: lessons`);
    expect(JSON.stringify(lessons)).toContain(lessonId);
    expect(ok(await api.get(`/api/v1/lessons/${lessonId}`, as(student)), 200, `${state}: lesson`)).toMatchObject({
      id: lessonId,
      content: '# Week 1 material',
      is_locked: false,
      is_completed: true,
    });
    // drip still applies: the locked lesson is its outline entry only
    expect(ok(await api.get(`/api/v1/lessons/${dripId}`, as(student)), 200, `${state}: drip lesson`)).toMatchObject({
      id: dripId,
      content: '',
      is_locked: true,
      lock_reason: 'drip',
    });
    const progress = ok(await api.get(`/api/v1/enrollments/${enrollmentId}/progress`, as(student)), 200, `${state}: progress`);
    expect(JSON.stringify(progress)).toContain(lessonId);
    // the student's own list still shows the course
    expect(JSON.stringify(ok(await api.get('/api/v1/enrollments/my-courses', as(student)), 200, `${state}: my courses`))).toContain(courseId);
  }

  async function expectHiddenFromOthers(state: string) {
    const { api, otherStudent, other } = fleet;
    for (const [who, opts] of [
      ['anonymous', {}],
      ['other student', as(otherStudent)],
      ['other instructor', as(other)],
    ] as const) {
      expectErrorBody(await api.get(`/api/v1/courses/${courseId}`, opts), 404);
      expectErrorBody(await api.get(`/api/v1/courses/${courseId}/sections`, opts), 404);
      expectErrorBody(await api.get(`/api/v1/lessons/${lessonId}`, opts), 404);
      expect(`${state}/${who}: ${JSON.stringify(ok(await api.get('/api/v1/courses?page_size=100', opts), 200, 'list'))}`).not.toContain(courseId);
    }
  }

  test('When the owner unpublishes the course, then the enrolled student keeps course, outline, lessons and progress; others get 404 and a new enrolment is refused', async () => {
    const { api, owner, otherStudent } = fleet;
    ok(await api.post(`/api/v1/courses/${courseId}/unpublish`, {}, as(owner)), 200, 'unpublish');
    await expectEnrolledReads('unpublished');
    await expectHiddenFromOthers('unpublished');
    // a student the course does not exist for cannot enrol (catalog hides it: 404)
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId }, as(otherStudent)), 404);
    // the enrolled student sees the course, and enrolling again is refused as not open (409)
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId }, as(fleet.student)), 409);
  });

  test('When the owner archives the course, then the enrolled student still reads it; others get 404; enrolment is refused', async () => {
    const { api, owner, otherStudent } = fleet;
    const archived = ok(await api.post(`/api/v1/courses/${courseId}/archive`, {}, as(owner)), 200, 'archive');
    expect(archived.archived_at).not.toBeNull();
    await expectEnrolledReads('archived');
    await expectHiddenFromOthers('archived');
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId }, as(otherStudent)), 404);
    expectErrorBody(await api.post('/api/v1/enrollments', { course_id: courseId }, as(fleet.student)), 409);
    // archived courses cannot be published before they are unarchived
    expectErrorBody(await api.post(`/api/v1/courses/${courseId}/publish`, {}, as(owner)), 409, 'CATALOG.COURSE_ARCHIVED');
  });

  test('When another instructor or a student tries to unarchive, then it is refused and the course stays archived', async () => {
    const { api, other, otherStudent, student, owner } = fleet;
    expectErrorBody(await api.post(`/api/v1/courses/${courseId}/unarchive`, {}, as(other)), 404);
    expectErrorBody(await api.post(`/api/v1/courses/${courseId}/unarchive`, {}, as(otherStudent)), 403);
    expectErrorBody(await api.post(`/api/v1/courses/${courseId}/unarchive`, {}, as(student)), 403);
    expectErrorBody(await api.post(`/api/v1/courses/${courseId}/unarchive`, {}), 401);
    expect(ok(await api.get(`/api/v1/courses/${courseId}`, as(owner)), 200, 'owner read').archived_at).not.toBeNull();
  });

  test('When the owner unarchives and publishes again, then the course is a draft first, then public and enrolable again', async () => {
    const { api, owner, otherStudent, admin } = fleet;
    const draft = ok(await api.post(`/api/v1/courses/${courseId}/unarchive`, {}, as(owner)), 200, 'unarchive');
    expect(draft).toMatchObject({ id: courseId, is_published: false, archived_at: null, published_at: null });
    // unarchiving a course that is not archived changes nothing (admins may do it too)
    expect(ok(await api.post(`/api/v1/courses/${courseId}/unarchive`, {}, as(admin)), 200, 'again')).toMatchObject({ archived_at: null, is_published: false });
    await expectEnrolledReads('unarchived draft');
    await expectHiddenFromOthers('unarchived draft');
    expect(ok(await api.post(`/api/v1/courses/${courseId}/publish`, {}, as(owner)), 200, 'publish')).toMatchObject({ is_published: true, archived_at: null });
    ok(await api.get(`/api/v1/courses/${courseId}`), 200, 'public again');
    ok(await api.post('/api/v1/enrollments', { course_id: courseId }, as(otherStudent)), 201, 'enrol again');
  });
});
