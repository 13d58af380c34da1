import { Writable } from 'node:stream';
import pino from 'pino';
import { contextFromIncoming, currentContext, runWithContext } from '@lms/kit';
import type { Caller } from '@lms/kit/auth';
import type { CatalogClient, EnrollmentClient } from '@lms/kit/clients';
import { courseRoutes } from '../src/routes/courses.routes';

/**
 * Review B7: GET /lessons/{id} degrades when the enrollment service cannot say the student's progress
 * (the lesson is served, its flags read false) — but never silently: one warning with the request id.
 */
describe('Lesson progress degrade is logged', () => {
  const lessonId = '11111111-1111-4111-8111-111111111111';
  const courseId = '22222222-2222-4222-8222-222222222222';
  const lesson = { id: lessonId, course_id: courseId, title: 'L', content: 'text', video_url: '', resources: [], is_preview: false, unlock_at: '' };
  const catalog = {
    GetLesson: async () => lesson,
    ListLessons: async () => ({ items: [lesson] }),
  } as unknown as CatalogClient;
  const enrollment = {
    IsEnrolled: async () => {
      throw new Error('enrollment exploded');
    },
  } as unknown as EnrollmentClient;
  const student: Caller = { userId: 'u1', role: 'student', sessionId: 's1', tokenId: 't1', issuedAt: 0, expiresAt: 0 };

  test('When enrollment fails while a student reads a lesson, then the lesson is served and a warning with the request id is logged', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    // The kit logger's mixin (request_id from the async context), writing to a buffer.
    const logger = pino({ level: 'info', mixin: () => ({ request_id: currentContext()?.requestId }) }, sink);
    const getLesson = courseRoutes(catalog, enrollment, logger).find((r) => r.operationId === 'getLesson');
    expect(getLesson).toBeDefined();

    const ctx = contextFromIncoming({ requestId: 'req-b7-1' });
    const result = (await runWithContext(ctx, () =>
      getLesson!.handle({ params: { lesson_id: lessonId }, query: {}, body: undefined, caller: student, req: {} as never, res: {} as never, answerAs: () => undefined }),
    )) as Record<string, unknown>;

    expect(result).toMatchObject({ id: lessonId, content: 'text', is_completed: false, is_locked: false });
    const warning = lines.find((l) => l.level === 40);
    expect(warning).toMatchObject({ request_id: 'req-b7-1', lesson_id: lessonId, course_id: courseId });
    expect(JSON.stringify(warning)).toContain('enrollment exploded');
  });
});
