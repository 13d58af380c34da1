import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { createDatabase, migrate } from '@lms/kit/db';
import { createTestDatabase } from '@lms/kit/testing';
import { migrations } from '../migrations';
import { CATALOG_EVENT_SCHEMAS } from '../src/events/catalog.events.schema';
import {
  ANONYMOUS,
  type CapturedEvents,
  courseRequest,
  expectGrpcError,
  GrpcStatus,
  lessonRequest,
  listRequest,
  startFleetWithEvents,
  unique,
  type FleetWithEvents,
} from './support';

/**
 * Issue 12 item 7 (catalog part): the seed's course and lesson fields — course `language` (default "en",
 * filter), the derived `status`, the instructor's `avatar_url`, the `document` lesson type, video lessons
 * needing a `video_url`, the seed's title lengths and the 2-character minimum of a search.
 */
describe('catalog: the seed fields of courses and lessons', () => {
  let f: FleetWithEvents;
  let events: CapturedEvents;

  beforeAll(async () => {
    f = await startFleetWithEvents('seedfields');
    events = f.events;
  });

  afterAll(() => f?.close());

  const invalid = async (call: Promise<unknown>) =>
    (await expectGrpcError(call, GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED')).fields!.map((e) => e.loc);

  test('When a course is created without a language, then it is "en"; a tag is stored in canonical case and carried by course.created', async () => {
    const plain = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    expect(plain.language).toBe('en');
    const tagged = await f.catalog.CreateCourse(courseRequest({ language: ' PT-br ' }), f.owner.auth);
    expect(tagged.language).toBe('pt-BR');
    expect((await f.catalog.GetCourse({ course_id: tagged.id }, f.owner.auth)).language).toBe('pt-BR');
    const { event } = await events.waitFor((e) => e.type === 'course.created' && e.subject === tagged.id);
    expect(event.data.language).toBe('pt-BR');
    expect(CATALOG_EVENT_SCHEMAS['course.created'].safeParse(event.data).success).toBe(true);
  });

  test.each([
    ['a word that is not a language tag', 'english!'],
    ['a one-letter code', 'e'],
    ['51 characters', `en-${'abcdefgh-'.repeat(5)}abc`],
  ])('When a course is created with %s as its language, then INVALID_ARGUMENT names language', async (_what, language) => {
    expect(await invalid(f.catalog.CreateCourse(courseRequest({ language }), f.owner.auth))).toEqual([['language']]);
  });

  test('When the language is updated, then course.updated lists it; "" sets the default back', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const updated = await f.catalog.UpdateCourse({ course_id: course.id, fields: ['language'], language: 'ar' }, f.owner.auth);
    expect(updated.language).toBe('ar');
    const { event } = await events.waitFor((e) => e.type === 'course.updated' && e.subject === course.id);
    expect(event.data.changed_fields).toEqual(['language']);
    const back = await f.catalog.UpdateCourse({ course_id: course.id, fields: ['language'], language: '' }, f.owner.auth);
    expect(back.language).toBe('en');
  });

  test('When courses are listed by language, then only that language is returned (any case of the tag), drafts excluded', async () => {
    const category = `lang-${unique()}`;
    const publish = async (language: string) => {
      const course = await f.catalog.CreateCourse(courseRequest({ category, language }), f.owner.auth);
      const lesson = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
      await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth);
      return f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    };
    const arabic = await publish('ar');
    const english = await publish('en');
    await f.catalog.CreateCourse(courseRequest({ category, language: 'ar' }), f.owner.auth); // draft
    const ids = async (language: string) =>
      (await f.catalog.ListCourses(listRequest({ category, language }), ANONYMOUS)).items.map((c) => c.id);
    expect(await ids('ar')).toEqual([arabic.id]);
    expect(await ids('AR')).toEqual([arabic.id]);
    expect(await ids('en')).toEqual([english.id]);
    expect(await ids('fr')).toEqual([]);
    expect((await ids('')).sort()).toEqual([arabic.id, english.id].sort());
    expect(await invalid(f.catalog.ListCourses(listRequest({ language: 'not a tag' }), ANONYMOUS))).toEqual([['language']]);
  });

  test('When a course moves through its lifecycle, then `status` follows is_published / archived_at in every answer', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    expect(course.status).toBe('draft');
    const lesson = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth);
    const published = await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    expect(published).toMatchObject({ status: 'published', is_published: true });
    expect((await f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS)).status).toBe('published');
    const archived = await f.catalog.ArchiveCourse({ course_id: course.id }, f.owner.auth);
    expect(archived).toMatchObject({ status: 'archived', is_published: false });
    const mine = await f.catalog.ListMyCourses({ page: 1, page_size: 100, status: 'archived' }, f.owner.auth);
    expect(mine.items.find((c) => c.id === course.id)?.status).toBe('archived');
    expect((await f.catalog.UnarchiveCourse({ course_id: course.id }, f.owner.auth)).status).toBe('draft');
  });

  test("When the instructor has an avatar in auth, then course answers carry it next to the name; without one it is empty", async () => {
    const teacher = await f.newUser('instructor', 'avatar');
    const avatar = `https://cdn.example.com/avatars/${unique()}.png`;
    await f.auth.UpdateMe({ fields: ['avatar_url'], avatar_url: avatar }, teacher.auth);
    const course = await f.catalog.CreateCourse(courseRequest(), teacher.auth);
    expect(course.instructor).toMatchObject({ id: teacher.userId, full_name: teacher.fullName, avatar_url: avatar });
    const mine = await f.catalog.ListMyCourses({ page: 1, page_size: 10, status: '' }, teacher.auth);
    expect(mine.items[0].instructor?.avatar_url).toBe(avatar);
    const plain = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    expect(plain.instructor?.avatar_url).toBe('');
  });

  test('When course titles have the seed lengths (3–255), then they are accepted; 2 or 256 characters are refused', async () => {
    const long = `${unique()}${'ت'.repeat(255)}`.slice(0, 255);
    expect((await f.catalog.CreateCourse(courseRequest({ title: long }), f.owner.auth)).title).toBe(long);
    const course = await f.catalog.CreateCourse(courseRequest({ title: 'abc' }), f.owner.auth);
    expect(await invalid(f.catalog.CreateCourse(courseRequest({ title: 'x'.repeat(256) }), f.owner.auth))).toEqual([['title']]);
    expect(await invalid(f.catalog.UpdateCourse({ course_id: course.id, fields: ['title'], title: 'ab' }, f.owner.auth))).toEqual([['title']]);
  });

  test('When lesson titles have the seed lengths (2–255), then they are accepted; 1 or 256 characters are refused', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    expect((await f.catalog.CreateLesson(lessonRequest(course.id, { title: 'Go' }), f.owner.auth)).title).toBe('Go');
    const long = 'L'.repeat(255);
    const lesson = await f.catalog.CreateLesson(lessonRequest(course.id, { title: long }), f.owner.auth);
    expect(lesson.title).toBe(long);
    expect(await invalid(f.catalog.CreateLesson(lessonRequest(course.id, { title: ' Q ' }), f.owner.auth))).toEqual([['title']]);
    expect(await invalid(f.catalog.CreateLesson(lessonRequest(course.id, { title: 'x'.repeat(256) }), f.owner.auth))).toEqual([['title']]);
    expect(await invalid(f.catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['title'], title: 'Q' }, f.owner.auth))).toEqual([['title']]);
  });

  test('When a search is sent, then it needs at least 2 characters (after trimming); "" means no search', async () => {
    expect(await invalid(f.catalog.ListCourses(listRequest({ search: 'a' }), ANONYMOUS))).toEqual([['search']]);
    expect(await invalid(f.catalog.ListCourses(listRequest({ search: ' a ' }), ANONYMOUS))).toEqual([['search']]);
    await expect(f.catalog.ListCourses(listRequest({ search: 'go' }), ANONYMOUS)).resolves.toMatchObject({ page: 1 });
    await expect(f.catalog.ListCourses(listRequest({ search: '' }), ANONYMOUS)).resolves.toMatchObject({ page: 1 });
  });

  test('When a lesson of type document is created, then it is stored and announced as a document', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const lesson = await f.catalog.CreateLesson(
      lessonRequest(course.id, { lesson_type: 'document', resources: [{ title: 'Handout', url: 'https://files.example.com/h.pdf', type: 'pdf' }] }),
      f.owner.auth,
    );
    expect(lesson.lesson_type).toBe('document');
    expect((await f.catalog.GetLesson({ lesson_id: lesson.id }, f.owner.auth)).lesson_type).toBe('document');
    const { event } = await events.waitFor((e) => e.type === 'lesson.created' && e.data.lesson_id === lesson.id);
    expect(event.data.lesson_type).toBe('document');
    expect(CATALOG_EVENT_SCHEMAS['lesson.created'].safeParse(event.data).success).toBe(true);
    const text = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    const changed = await f.catalog.UpdateLesson({ lesson_id: text.id, fields: ['lesson_type'], lesson_type: 'document' }, f.owner.auth);
    expect(changed.lesson_type).toBe('document');
  });

  test('When a video lesson has no video_url (create, or an update that would leave it without one), then INVALID_ARGUMENT names video_url', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    expect(await invalid(f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'video' }), f.owner.auth))).toEqual([['video_url']]);
    expect(
      await invalid(f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'video', video_url: 'ftp://x.example/v' }), f.owner.auth)),
    ).toEqual([['video_url']]);
    const video = await f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'video', video_url: 'https://v.example.com/1.mp4' }), f.owner.auth);
    expect(await invalid(f.catalog.UpdateLesson({ lesson_id: video.id, fields: ['video_url'], video_url: '' }, f.owner.auth))).toEqual([['video_url']]);
    const text = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    expect(await invalid(f.catalog.UpdateLesson({ lesson_id: text.id, fields: ['lesson_type'], lesson_type: 'video' }, f.owner.auth))).toEqual([
      ['video_url'],
    ]);
    const both = await f.catalog.UpdateLesson(
      { lesson_id: text.id, fields: ['lesson_type', 'video_url'], lesson_type: 'video', video_url: 'https://v.example.com/2.mp4' },
      f.owner.auth,
    );
    expect(both).toMatchObject({ lesson_type: 'video', video_url: 'https://v.example.com/2.mp4' });
    // Switching away from video may drop the URL.
    const away = await f.catalog.UpdateLesson({ lesson_id: video.id, fields: ['lesson_type', 'video_url'], lesson_type: 'text', video_url: '' }, f.owner.auth);
    expect(away).toMatchObject({ lesson_type: 'text', video_url: '' });
  });

  test('When a video lesson stored before the rule has no video_url, then edits that leave type and URL alone still work', async () => {
    const db = createDatabase({ url: f.config.DATABASE_URL, poolMax: 1 });
    try {
      const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
      const lesson = await f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'video', video_url: 'https://v.example.com/old.mp4' }), f.owner.auth);
      await db.query(`UPDATE lessons SET video_url = '' WHERE id = :id`, { replacements: { id: lesson.id } }); // as an old row
      const renamed = await f.catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['title'], title: 'Renamed video' }, f.owner.auth);
      expect(renamed).toMatchObject({ title: 'Renamed video', lesson_type: 'video', video_url: '' });
      expect((await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth)).is_published).toBe(true);
    } finally {
      await db.close();
    }
  });
});

describe('catalog migration 0006: existing rows are kept', () => {
  test('When the migration runs over courses and lessons of the old schema, then courses become "en" and every lesson is unchanged', async () => {
    const resource = await createTestDatabase('cat_mig0006');
    const db = createDatabase({ url: resource.url, poolMax: 2 });
    try {
      const index = migrations.findIndex((m) => m.name === '0006-course-language-lesson-document');
      expect(index).toBeGreaterThan(0);
      await migrate(db, resource.url, migrations.slice(0, index));
      const courseId = randomUUID();
      const sectionId = randomUUID();
      const lessonId = randomUUID();
      await db.query(
        `INSERT INTO courses (id, title, slug, instructor_id) VALUES (:courseId, 'Old course', 'old-course', :instructor)`,
        { replacements: { courseId, instructor: randomUUID() } },
      );
      await db.query(`INSERT INTO sections (id, course_id, title, order_index) VALUES (:sectionId, :courseId, 'S', 0)`, {
        replacements: { sectionId, courseId },
      });
      await db.query(
        `INSERT INTO lessons (id, course_id, section_id, title, slug, lesson_type, order_index, video_url)
         VALUES (:lessonId, :courseId, :sectionId, 'V', 'v', 'video', 0, '')`,
        { replacements: { lessonId, courseId, sectionId } },
      );
      await migrate(db, resource.url, migrations);
      const [course] = await db.query<{ language: string; title: string }>('SELECT language, title FROM courses WHERE id = :courseId', {
        type: QueryTypes.SELECT,
        replacements: { courseId },
      });
      expect(course).toEqual({ language: 'en', title: 'Old course' });
      const [lesson] = await db.query<{ title: string; lesson_type: string; video_url: string }>(
        'SELECT title, lesson_type, video_url FROM lessons WHERE id = :lessonId',
        { type: QueryTypes.SELECT, replacements: { lessonId } },
      );
      expect(lesson).toEqual({ title: 'V', lesson_type: 'video', video_url: '' });
      // The new schema takes the seed's lengths and the document type.
      await db.query(`UPDATE courses SET title = :title WHERE id = :courseId`, { replacements: { title: 'c'.repeat(255), courseId } });
      await db.query(`UPDATE lessons SET lesson_type = 'document' WHERE id = :lessonId`, { replacements: { lessonId } });
    } finally {
      await db.close();
      await resource.drop();
    }
  });
});
