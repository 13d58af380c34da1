import { randomUUID } from 'node:crypto';
import { ANONYMOUS, courseRequest, eventPublisher, eventually, expectGrpcError, GrpcStatus, lessonRequest, startFleet, type Fleet } from './support';

/**
 * Issue 10 A2, catalog side: the content of a lesson with a drip date or a prerequisite is decided by the
 * enrollment service (the one authority), never by the catalog's enrolment read model alone. Here no
 * enrollment service answers (ENROLLMENT_GRPC_ADDR is a closed port): such lessons fail closed for an enrolled
 * student, while lessons without rules, preview lessons and the owner/admin are served as before. The locked /
 * unlocked answers of the real enrollment service: gateway/test/lesson-locks.test.ts and the quiz and enrollment
 * suites' lesson-locks tests.
 */
describe('catalog: lessons with drip or prerequisite rules fail closed when the enrollment service cannot answer', () => {
  let f: Fleet;
  let bus: Awaited<ReturnType<typeof eventPublisher>>;
  let lessons: { plain: string; drip: string; dated: string; prerequisite: string; preview: string };
  let courseId: string;

  beforeAll(async () => {
    f = await startFleet('lessonaccess');
    bus = await eventPublisher(f.vhost.url);
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    courseId = course.id;
    const make = async (overrides: Parameters<typeof lessonRequest>[1]) => {
      const lesson = await f.catalog.CreateLesson(
        lessonRequest(course.id, {
          content: '# Secret week',
          video_url: 'https://video.example/w.mp4',
          resources: [{ title: 'Slides', url: 'https://files.example/w.pdf', type: 'pdf' }],
          ...overrides,
        }),
        f.owner.auth,
      );
      await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth);
      return lesson.id;
    };
    lessons = {
      plain: await make({}),
      drip: await make({ unlock_after_days: 7, fields: ['unlock_after_days'] }),
      dated: await make({ unlock_at: '2099-01-01T00:00:00Z', fields: ['unlock_at'] }),
      prerequisite: await make({ prerequisite: 'previous_lesson', fields: ['prerequisite'] }),
      preview: await make({ is_preview: true, unlock_after_days: 7, fields: ['unlock_after_days'] }),
    };
    await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    // the student is enrolled as far as the catalog's read model knows (the enrollment service's event)
    const ids = { enrollment_id: randomUUID(), student_id: f.student.userId, course_id: course.id };
    await bus.publish(bus.event('enrollment.created', ids.enrollment_id, { ...ids, enrolled_at: new Date().toISOString() }));
    await eventually(async () => expect((await f.catalog.GetLesson({ lesson_id: lessons.plain }, f.student.auth)).content).toBe('# Secret week'));
  });

  afterAll(async () => {
    await bus?.close();
    await f?.close();
  });

  test('When an enrolled student opens a lesson with unlock_after_days, unlock_at or a prerequisite, then no content: UNAVAILABLE CATALOG.LESSON_ACCESS_UNAVAILABLE', async () => {
    for (const id of [lessons.drip, lessons.dated, lessons.prerequisite]) {
      const err = await expectGrpcError(f.catalog.GetLesson({ lesson_id: id }, f.student.auth), GrpcStatus.UNAVAILABLE, 'CATALOG.LESSON_ACCESS_UNAVAILABLE');
      expect(JSON.stringify(err)).not.toContain('Secret week');
    }
  });

  test('When the lesson has no rule, is a preview, or the reader is the owner or an admin, then the content is served as before', async () => {
    expect((await f.catalog.GetLesson({ lesson_id: lessons.plain }, f.student.auth)).video_url).toBe('https://video.example/w.mp4');
    expect((await f.catalog.GetLesson({ lesson_id: lessons.preview }, f.student.auth)).content).toBe('# Secret week');
    for (const reader of [f.owner, f.admin]) {
      for (const id of [lessons.drip, lessons.dated, lessons.prerequisite]) {
        const lesson = await f.catalog.GetLesson({ lesson_id: id }, reader.auth);
        expect({ content: lesson.content, video_url: lesson.video_url }).toEqual({ content: '# Secret week', video_url: 'https://video.example/w.mp4' });
      }
    }
  });

  test('When a student who is not enrolled asks for a lesson with rules, then it is still PERMISSION_DENIED CATALOG.ENROLLMENT_REQUIRED or unavailable, never content', async () => {
    const stranger = await f.newUser('student', 'stranger');
    await expectGrpcError(f.catalog.GetLesson({ lesson_id: lessons.plain }, stranger.auth), GrpcStatus.PERMISSION_DENIED, 'CATALOG.ENROLLMENT_REQUIRED');
    await expectGrpcError(f.catalog.GetLesson({ lesson_id: lessons.drip }, stranger.auth), GrpcStatus.UNAVAILABLE, 'CATALOG.LESSON_ACCESS_UNAVAILABLE');
  });

  test('When anyone but the owner/admin lists the lessons or reads the outline, then only preview lessons carry video_url and resources (the rest is GetLesson, where locks are checked)', async () => {
    for (const reader of [ANONYMOUS, f.student.auth]) {
      const listed = (await f.catalog.ListLessons({ course_id: courseId }, reader)).items;
      const outlined = (await f.catalog.GetCourseOutline({ course_id: courseId }, reader)).sections.flatMap((s) => s.lessons);
      for (const entries of [listed, outlined]) {
        expect(entries).toHaveLength(5);
        for (const e of entries) {
          const shown = e.id === lessons.preview;
          expect({ id: e.id, content: e.content, video_url: e.video_url, resources: e.resources.length }).toEqual({
            id: e.id,
            content: '',
            video_url: shown ? 'https://video.example/w.mp4' : '',
            resources: shown ? 1 : 0,
          });
        }
      }
    }
    const mine = (await f.catalog.ListLessons({ course_id: courseId }, f.owner.auth)).items;
    expect(mine.map((e) => e.video_url)).toEqual(Array(5).fill('https://video.example/w.mp4'));
    const outline = (await f.catalog.GetCourseOutline({ course_id: courseId }, f.admin.auth)).sections.flatMap((s) => s.lessons);
    expect(outline.every((e) => e.resources.length === 1)).toBe(true);
  });
});
