import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { eventually } from '@lms/kit/testing';
import { expectErrorBody, type ApiResponse } from './support/http';
import { startQuizFleet, type QuizFleet } from './support/quiz';
import type { LoggedIn } from './support/auth';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Issue 10 A2 through the gateway, against the real auth, catalog, enrollment and quiz services: drip dates and
 * prerequisites hold on every read of a lesson's content (`GET /lessons/{id}`: a locked lesson is its outline
 * entry only — no content, video_url or resources) and on quiz attempts (409 `QUIZ.LESSON_LOCKED`). The
 * enrollment service decides; catalog and quiz ask it.
 */
describe('gateway: locked lessons are outline entries, and their quizzes cannot be started', () => {
  let fleet: QuizFleet;
  let course: { id: string };
  let ids: { first: string; prerequisite: string; drip: string; preview: string; quiz: string };
  let enrollmentId: string;
  let enrolledAt: string;

  const as = (user: LoggedIn) => ({ token: user.access });
  const ok = (res: ApiResponse, status: number | number[], what: string) => {
    if (![status].flat().includes(res.status)) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
    return res.body;
  };
  const SECRET = { content: '# Week 6: the secret material', video_url: 'https://video.example/week6.mp4', resources: [{ title: 'Slides', url: 'https://files.example/w6.pdf', type: 'pdf' }] };

  beforeAll(async () => {
    fleet = await startQuizFleet('locks');
    const { api, owner } = fleet;
    course = await createCourse(api, owner.access);
    const lesson = async (body: Record<string, unknown>) => {
      const created = await createLesson(api, owner.access, course.id, { ...SECRET, ...body });
      await publishLesson(api, owner.access, created.id);
      return created.id as string;
    };
    ids = {
      first: await lesson({ title: 'Week 1' }),
      prerequisite: await lesson({ title: 'Week 2', prerequisite: 'previous_lesson' }),
      drip: await lesson({ title: 'Week 6', unlock_after_days: 7 }),
      preview: await lesson({ title: 'Teaser', is_preview: true, unlock_after_days: 7 }),
      quiz: await lesson({ title: 'Final exam', lesson_type: 'quiz', unlock_after_days: 7 }),
    };
    await publishCourse(api, owner.access, course.id);
    const enrolment = ok(await api.post('/api/v1/enrollments', { course_id: course.id }, as(fleet.student)), 201, 'enrol');
    enrollmentId = enrolment.id;
    enrolledAt = enrolment.enrolled_at;
  }, 120_000);

  afterAll(async () => {
    await fleet?.stop();
  });

  const read = (lessonId: string, user: LoggedIn) => fleet.api.get(`/api/v1/lessons/${lessonId}`, as(user));

  test('When a student enrolled today opens a lesson with unlock_after_days 7, then it is its outline entry: is_locked, unlock_at, no content/video_url/resources', async () => {
    for (const path of [`/api/v1/lessons/${ids.drip}`, `/api/v1/courses/${course.id}/lessons/${ids.drip}`]) {
      const body = ok(await fleet.api.get(path, as(fleet.student)), 200, path);
      expect(body).toMatchObject({
        id: ids.drip,
        title: 'Week 6',
        content: '',
        video_url: null,
        resources: [],
        is_locked: true,
        lock_reason: 'drip',
        is_completed: false,
        unlock_after_days: 7,
        previous_lesson_id: ids.prerequisite,
        next_lesson_id: ids.preview,
      });
      expect(new Date(body.unlock_at).getTime()).toBe(new Date(enrolledAt).getTime() + 7 * DAY_MS);
      expect(JSON.stringify(body)).not.toMatch(/secret material|week6\.mp4|w6\.pdf/);
    }
  });

  test('When the owner or an admin opens it, then they get the content; an open lesson and a preview lesson still have content for the student', async () => {
    for (const user of [fleet.owner, fleet.admin]) {
      expect(ok(await read(ids.drip, user), 200, 'staff read')).toMatchObject({ ...SECRET, is_locked: false, lock_reason: null });
    }
    expect(ok(await read(ids.first, fleet.student), 200, 'open lesson')).toMatchObject({ ...SECRET, is_locked: false, lock_reason: null, unlock_at: null });
    // a preview lesson is public (anyone who may see the course reads it): its drip only gates progress
    expect(ok(await read(ids.preview, fleet.student), 200, 'preview lesson')).toMatchObject({ ...SECRET, is_preview: true });
    // not enrolled: still 403, as before
    expectErrorBody(await read(ids.drip, fleet.otherStudent), 403, 'CATALOG.ENROLLMENT_REQUIRED');
  });

  test('When a lesson requires the previous one, then it is locked until that one is completed, then readable', async () => {
    expect(ok(await read(ids.prerequisite, fleet.student), 200, 'locked')).toMatchObject({ content: '', video_url: null, resources: [], is_locked: true, lock_reason: 'prerequisite' });
    ok(await fleet.api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${ids.first}/complete`, undefined, as(fleet.student)), 200, 'complete week 1');
    expect(ok(await read(ids.prerequisite, fleet.student), 200, 'unlocked')).toMatchObject({ ...SECRET, is_locked: false, lock_reason: null });
  });

  test('When the quiz lesson is drip-locked, then the quiz cannot be started (409 QUIZ.LESSON_LOCKED with unlock_at); once the drip is lifted it starts', async () => {
    const { api, owner, student } = fleet;
    const quizzes = `/api/v1/courses/${course.id}/quizzes`;
    const quiz = ok(await api.post(quizzes, { lesson_id: ids.quiz, title: 'Final exam' }, as(owner)), 201, 'create quiz');
    ok(
      await api.post(`${quizzes}/${quiz.id}/questions`, { question_type: 'true_false', question_text: 'Locked?', points: 1, correct_answer: true }, as(owner)),
      201,
      'question',
    );
    ok(await api.post(`${quizzes}/${quiz.id}/publish`, undefined, as(owner)), 200, 'publish quiz');

    const attempts = `/api/v1/quizzes/${quiz.id}/attempts`;
    const refused = expectErrorBody(await api.post(attempts, undefined, as(student)), 409, 'QUIZ.LESSON_LOCKED');
    expect(refused.detail).toContain(new Date(new Date(enrolledAt).getTime() + 7 * DAY_MS).toISOString());

    ok(await api.put(`/api/v1/lessons/${ids.quiz}`, { unlock_after_days: 0 }, as(owner)), 200, 'lift the drip');
    await eventually(async () => ok(await api.post(attempts, undefined, as(student)), [200, 201], 'start after the drip'));
    expect(ok(await read(ids.quiz, student), 200, 'quiz lesson')).toMatchObject({ is_locked: false, content: SECRET.content });
  });
});
