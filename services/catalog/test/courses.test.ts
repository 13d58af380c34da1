import {
  ANONYMOUS,
  type CapturedEvents,
  courseRequest,
  eventually,
  expectGrpcError,
  GrpcStatus,
  lessonRequest,
  listRequest,
  publishedCourse,
  startFleetWithEvents,
  unique,
  type FleetWithEvents,
} from './support';
import { loadCatalogConfig } from '../src/config';
import { CATALOG_EVENT_SCHEMAS, type CatalogEventType } from '../src/events/catalog.events.schema';

describe('catalog: courses (gRPC, real PostgreSQL/RabbitMQ/Redis, real auth)', () => {
  let f: FleetWithEvents;
  let events: CapturedEvents;

  beforeAll(async () => {
    f = await startFleetWithEvents('courses');
    events = f.events;
  });

  afterAll(() => f?.close());

  test('When an instructor creates a course, then it is a draft with defaults and course.created leaves through the outbox as a CloudEvent', async () => {
    const title = `Intro to Testing ${unique()}`;
    const course = await f.catalog.CreateCourse(
      {
        title: `  ${title} `,
        description: 'Learn to test',
        category: 'Software',
        price_cents: 1999,
        tags: ['Jest', 'jest', ' TDD '],
        requirements: ['A computer'],
        learning_objectives: ['Write tests'],
        thumbnail_url: 'https://cdn.example.com/t.png',
      },
      f.owner.auth,
    );
    expect(course).toMatchObject({
      title,
      description: 'Learn to test',
      category: 'Software',
      difficulty_level: 'beginner',
      price_cents: '1999',
      currency: 'USD',
      tags: ['jest', 'tdd'],
      requirements: ['A computer'],
      learning_objectives: ['Write tests'],
      thumbnail_url: 'https://cdn.example.com/t.png',
      instructor_id: f.owner.userId,
      instructor: { id: f.owner.userId, full_name: f.owner.fullName, bio: '' },
      is_published: false,
      published_at: '',
      archived_at: '',
      version: 0,
      total_lessons: 0,
      enrollment_count: 0,
      average_rating: 0,
      rating_count: 0,
    });
    expect(course.slug).toBe(title.toLowerCase().replace(/ /g, '-'));
    const { event, properties } = await events.waitFor((e) => e.type === 'course.created' && e.subject === course.id);
    expect(event).toMatchObject({
      specversion: '1.0',
      source: 'lms/catalog',
      subject: course.id,
      datacontenttype: 'application/json',
      dataschema: 'urn:lms:events:course.created:v1',
      data: {
        course_id: course.id,
        instructor_id: f.owner.userId,
        title,
        slug: course.slug,
        category: 'Software',
        difficulty_level: 'beginner',
        price_cents: 1999,
        currency: 'USD',
        created_at: course.created_at,
        created_by: f.owner.userId,
      },
    });
    expect(properties.messageId).toBe(event.id);
    expect(properties.contentType).toBe('application/cloudevents+json');
  });

  test.each([
    ['a title that is too short', { title: 'ab' }, ['title']],
    ['a title that is too long', { title: 'x'.repeat(256) }, ['title']],
    ['a negative price', { price_cents: -1 }, ['price_cents']],
    ['a price above 100,000,000', { price_cents: 100_000_001 }, ['price_cents']],
    ['a lower-case currency', { currency: 'usd' }, ['currency']],
    ['an unknown difficulty level', { difficulty_level: 'expert' }, ['difficulty_level']],
    ['a javascript: thumbnail URL', { thumbnail_url: 'javascript:alert(1)' }, ['thumbnail_url']],
    ['a description over 2000 characters', { description: 'd'.repeat(2001) }, ['description']],
    ['a long description over 20000 characters', { long_description: 'd'.repeat(20_001) }, ['long_description']],
    ['a category over 100 characters', { category: 'c'.repeat(101) }, ['category']],
    ['31 tags', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, ['tags']],
    ['a 201-character requirement', { requirements: ['r'.repeat(201)] }, ['requirements', 0]],
    ['an empty learning objective', { learning_objectives: ['ok', '  '] }, ['learning_objectives', 1]],
    ['a slug with upper-case letters', { slug: 'My-Course' }, ['slug']],
    ['a UUID-shaped slug', { slug: '3f0e0d3c-1111-4111-8111-111111111111' }, ['slug']],
  ])('When a course is created with %s, then INVALID_ARGUMENT names the field', async (_what, overrides, loc) => {
    const err = await expectGrpcError(
      f.catalog.CreateCourse(courseRequest(overrides as never), f.owner.auth),
      GrpcStatus.INVALID_ARGUMENT,
      'VALIDATION_FAILED',
    );
    expect(err.fields).toEqual(expect.arrayContaining([expect.objectContaining({ loc })]));
  });

  test('When several fields are invalid at once, then every problem is reported in one answer', async () => {
    const err = await expectGrpcError(
      f.catalog.CreateCourse(courseRequest({ title: '', price_cents: -5, difficulty_level: 'pro' }), f.owner.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    expect(err.fields!.map((e) => e.loc[0]).sort()).toEqual(['difficulty_level', 'price_cents', 'title']);
  });

  test('When the title is Arabic and English, then the slug keeps the Unicode letters, lower-cased, with single hyphens', async () => {
    const course = await f.catalog.CreateCourse(courseRequest({ title: 'The Art of Arabic — فن الخط' }), f.owner.auth);
    expect(course.slug).toMatch(/^the-art-of-arabic-فن-الخط(-\d+)?$/);
    const bySlug = await f.catalog.GetCourseBySlug({ slug: course.slug }, f.owner.auth);
    expect(bySlug.id).toBe(course.id);
  });

  test('When the title has no letters or digits, then the slug falls back to course-<8 hex>', async () => {
    const course = await f.catalog.CreateCourse(courseRequest({ title: '!!! ??? ###' }), f.owner.auth);
    expect(course.slug).toMatch(/^course-[0-9a-f]{8}$/);
  });

  test('When ten courses with the same title are created at the same time, then each gets a distinct slug: base, base-2 … base-10', async () => {
    const title = `Same Title ${unique()}`;
    const courses = await Promise.all(
      Array.from({ length: 10 }, () => f.catalog.CreateCourse(courseRequest({ title }), f.owner.auth)),
    );
    const base = title.toLowerCase().replace(/ /g, '-');
    expect(courses.map((c) => c.slug).sort()).toEqual(
      [base, ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`)].sort(),
    );
  });

  test('When a client-chosen slug is already used, then creation fails with ALREADY_EXISTS and a free one is accepted', async () => {
    const slug = `my-slug-${unique()}`.toLowerCase();
    const first = await f.catalog.CreateCourse(courseRequest({ slug }), f.owner.auth);
    expect(first.slug).toBe(slug);
    await expectGrpcError(f.catalog.CreateCourse(courseRequest({ slug }), f.other.auth), GrpcStatus.ALREADY_EXISTS, 'CATALOG.SLUG_TAKEN');
  });

  test('When an admin creates a course for an instructor, then the instructor owns it; for a student id it is refused', async () => {
    const course = await f.catalog.CreateCourse(courseRequest({ instructor_id: f.other.userId }), f.admin.auth);
    expect(course.instructor_id).toBe(f.other.userId);
    expect(course.instructor!.full_name).toBe(f.other.fullName);
    await expectGrpcError(
      f.catalog.CreateCourse(courseRequest({ instructor_id: f.student.userId }), f.admin.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    await expectGrpcError(
      f.catalog.CreateCourse(courseRequest({ instructor_id: 'not-a-uuid' }), f.admin.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    await expectGrpcError(
      f.catalog.CreateCourse(courseRequest({ instructor_id: f.other.userId }), f.owner.auth),
      GrpcStatus.PERMISSION_DENIED,
      'CATALOG.ADMIN_REQUIRED',
    );
  });

  test('When a course is updated partially, then only the listed fields change and course.updated lists what really changed', async () => {
    const course = await f.catalog.CreateCourse(courseRequest({ description: 'before', category: 'Old' }), f.owner.auth);
    const updated = await f.catalog.UpdateCourse(
      {
        course_id: course.id,
        fields: ['description', 'price_cents', 'category'],
        description: 'after',
        price_cents: 500,
        category: 'Old', // unchanged
        title: 'ignored because not listed',
      },
      f.owner.auth,
    );
    expect(updated).toMatchObject({ title: course.title, description: 'after', price_cents: '500', category: 'Old', slug: course.slug });
    const { event } = await events.waitFor((e) => e.type === 'course.updated' && e.subject === course.id);
    // The new value of an analytics-relevant field travels with it (issue 13); description does not.
    expect(event.data).toEqual({
      course_id: course.id,
      changed_fields: ['description', 'price_cents'],
      version: 0,
      updated_at: updated.updated_at,
      price_cents: 500,
    });
  });

  test('When the title, price or currency change, then course.updated carries their new values; other changes carry none of them', async () => {
    const course = await f.catalog.CreateCourse(courseRequest({ price_cents: 1000 }), f.owner.auth);
    const title = `Renamed course ${unique()}`;
    const renamed = await f.catalog.UpdateCourse(
      { course_id: course.id, fields: ['title', 'price_cents', 'currency', 'category'], title, price_cents: 2500, currency: 'EUR', category: 'New' },
      f.owner.auth,
    );
    const other = await f.catalog.UpdateCourse({ course_id: course.id, fields: ['tags', 'price_cents'], tags: ['x'], price_cents: 2500 }, f.owner.auth);
    await eventually(() => expect(events.matching((e) => e.type === 'course.updated' && e.subject === course.id)).toHaveLength(2));
    const [first, second] = events.matching((e) => e.type === 'course.updated' && e.subject === course.id);
    expect(first.data).toEqual({
      course_id: course.id,
      changed_fields: ['title', 'category', 'price_cents', 'currency'],
      version: 0,
      updated_at: renamed.updated_at,
      title,
      price_cents: 2500,
      currency: 'EUR',
    });
    // price_cents was sent again unchanged: not listed, so no value either
    expect(second.data).toEqual({ course_id: course.id, changed_fields: ['tags'], version: 0, updated_at: other.updated_at });
    for (const e of [first, second]) expect(CATALOG_EVENT_SCHEMAS['course.updated'].safeParse(e.data).success).toBe(true);
  });

  test('When an update names unknown fields, no fields, or a bad course id, then INVALID_ARGUMENT', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const err = await expectGrpcError(
      f.catalog.UpdateCourse({ course_id: course.id, fields: ['title', 'is_published'], title: 'New title' }, f.owner.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    expect(err.fields).toEqual([expect.objectContaining({ loc: ['fields', 1] })]);
    await expectGrpcError(f.catalog.UpdateCourse({ course_id: course.id, fields: [] }, f.owner.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(
      f.catalog.UpdateCourse({ course_id: 'nope', fields: ['title'], title: 'New title' }, f.owner.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    await expectGrpcError(f.catalog.GetCourse({ course_id: '123' }, ANONYMOUS), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When the slug is updated to one in use it is refused; an empty slug is generated again from the new title', async () => {
    const a = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const b = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    await expectGrpcError(
      f.catalog.UpdateCourse({ course_id: b.id, fields: ['slug'], slug: a.slug }, f.owner.auth),
      GrpcStatus.ALREADY_EXISTS,
      'CATALOG.SLUG_TAKEN',
    );
    const title = `Renamed ${unique()}`;
    const renamed = await f.catalog.UpdateCourse({ course_id: b.id, fields: ['title', 'slug'], title, slug: '' }, f.owner.auth);
    expect(renamed.slug).toBe(title.toLowerCase().replace(/ /g, '-'));
  });

  test('When a course without a published lesson is published, then FAILED_PRECONDITION explains a lesson must be published first', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth); // a draft lesson does not count
    const err = await expectGrpcError(
      f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'CATALOG.NO_PUBLISHED_LESSON',
    );
    expect(err.message).toMatch(/publish a lesson first/);
  });

  test('When a course is unpublished, then students no longer find it, course.unpublished is emitted, and the owner still sees it', async () => {
    const { course } = await publishedCourse(f, f.owner);
    expect((await f.catalog.GetCourse({ course_id: course.id }, f.student.auth)).is_published).toBe(true);
    const unpublished = await f.catalog.UnpublishCourse({ course_id: course.id }, f.owner.auth);
    expect(unpublished).toMatchObject({ is_published: false, published_at: '', version: 1 });
    await expectGrpcError(f.catalog.GetCourse({ course_id: course.id }, f.student.auth), GrpcStatus.NOT_FOUND, 'CATALOG.COURSE_NOT_FOUND');
    expect((await f.catalog.GetCourse({ course_id: course.id }, f.owner.auth)).id).toBe(course.id);
    const { event } = await events.waitFor((e) => e.type === 'course.unpublished' && e.subject === course.id);
    expect(event.data).toMatchObject({ course_id: course.id, version: 1 });
    // unpublishing a draft again changes nothing
    expect((await f.catalog.UnpublishCourse({ course_id: course.id }, f.owner.auth)).updated_at).toBe(unpublished.updated_at);
  });

  test('When a course is archived, then it leaves the public catalogue, cannot be published again, and course.archived is emitted', async () => {
    const category = `Arch${unique()}`;
    const { course } = await publishedCourse(f, f.owner, { category });
    const archived = await f.catalog.ArchiveCourse({ course_id: course.id }, f.owner.auth);
    expect(archived.archived_at).not.toBe('');
    expect(archived.is_published).toBe(false);
    expect((await f.catalog.ListCourses(listRequest({ category }), ANONYMOUS)).total).toBe(0);
    await expectGrpcError(f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS), GrpcStatus.NOT_FOUND);
    await expectGrpcError(
      f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'CATALOG.COURSE_ARCHIVED',
    );
    const { event } = await events.waitFor((e) => e.type === 'course.archived' && e.subject === course.id);
    expect(event.data).toEqual({ course_id: course.id, archived_at: archived.archived_at, was_published: true });
  });

  test('When an archived course is unarchived, then it is a draft again (course.unarchived), hidden from the public until published again', async () => {
    const category = `Unarch${unique()}`;
    const { course } = await publishedCourse(f, f.owner, { category });
    await f.catalog.ArchiveCourse({ course_id: course.id }, f.owner.auth);
    const draft = await f.catalog.UnarchiveCourse({ course_id: course.id }, f.owner.auth);
    expect(draft).toMatchObject({ archived_at: '', is_published: false, published_at: '' });
    await expectGrpcError(f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS), GrpcStatus.NOT_FOUND);
    const { event } = await events.waitFor((e) => e.type === 'course.unarchived' && e.subject === course.id);
    expect(event.data).toEqual({ course_id: course.id, unarchived_at: expect.any(String) });
    // unarchiving a course that is not archived changes nothing
    expect((await f.catalog.UnarchiveCourse({ course_id: course.id }, f.owner.auth)).updated_at).toBe(draft.updated_at);
    expect((await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth)).is_published).toBe(true);
    expect((await f.catalog.ListCourses(listRequest({ category }), ANONYMOUS)).total).toBe(1);
  });

  test('When a course nobody enrolled in is deleted, then it and its lessons are gone and course.deleted is emitted', async () => {
    const { course, lessonIds } = await publishedCourse(f, f.owner, {}, 2);
    await f.catalog.DeleteCourse({ course_id: course.id }, f.owner.auth);
    await expectGrpcError(f.catalog.GetCourse({ course_id: course.id }, f.owner.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.catalog.GetLesson({ lesson_id: lessonIds[0] }, f.owner.auth), GrpcStatus.NOT_FOUND);
    const { event } = await events.waitFor((e) => e.type === 'course.deleted' && e.subject === course.id);
    expect(event.data).toMatchObject({ course_id: course.id, instructor_id: f.owner.userId, deleted_by: f.owner.userId });
    expect(await f.catalog.IsCourseOwner({ course_id: course.id, user_id: f.owner.userId }, f.owner.auth)).toEqual({
      exists: false,
      is_owner: false,
    });
  });

  test('When a course is read, then it carries its instructor (name and bio from auth) and totals from its published lessons', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const quiz = await f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'quiz', duration_minutes: 15 }), f.owner.auth);
    const video = await f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'video', video_url: 'https://video.example.com/v.mp4', duration_minutes: 30 }), f.owner.auth);
    await f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'text', duration_minutes: 99 }), f.owner.auth); // draft
    await f.catalog.PublishLesson({ lesson_id: quiz.id }, f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: video.id }, f.owner.auth);
    await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    const read = await f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS);
    expect(read).toMatchObject({
      total_lessons: 2,
      total_quizzes: 1,
      estimated_duration_minutes: 45,
      instructor: { id: f.owner.userId, full_name: f.owner.fullName },
    });
  });

  test('When an instructor lists their own courses, then drafts, published and archived ones are there, filtered by status', async () => {
    const instructor = await f.newUser('instructor', 'mine');
    const draft = await f.catalog.CreateCourse(courseRequest(), instructor.auth);
    const { course: live } = await publishedCourse(f, instructor);
    const { course: old } = await publishedCourse(f, instructor);
    await f.catalog.ArchiveCourse({ course_id: old.id }, instructor.auth);
    const all = await f.catalog.ListMyCourses({ page: 1, page_size: 10 }, instructor.auth);
    expect(all.total).toBe(3);
    expect(all.items.map((c) => c.id)).toEqual([old.id, live.id, draft.id]);
    const ids = async (status: string) => (await f.catalog.ListMyCourses({ page: 1, page_size: 10, status }, instructor.auth)).items.map((c) => c.id);
    expect(await ids('draft')).toEqual([draft.id]);
    expect(await ids('published')).toEqual([live.id]);
    expect(await ids('archived')).toEqual([old.id]);
    await expectGrpcError(f.catalog.ListMyCourses({ page: 1, page_size: 10, status: 'gone' }, instructor.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When other services batch-read courses, then they get those the caller may see, in order, and at most 100 ids are accepted', async () => {
    const { course: a } = await publishedCourse(f, f.owner);
    const draft = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const { course: b } = await publishedCourse(f, f.other);
    const ids = [b.id, draft.id, a.id, b.id, '00000000-0000-4000-8000-000000000000'];
    expect((await f.catalog.BatchGetCourses({ ids }, f.student.auth)).items.map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await f.catalog.BatchGetCourses({ ids }, f.owner.auth)).items.map((c) => c.id)).toEqual([b.id, draft.id, a.id]);
    const tooMany = Array.from({ length: 101 }, () => a.id);
    await expectGrpcError(f.catalog.BatchGetCourses({ ids: tooMany }, ANONYMOUS), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.catalog.BatchGetCourses({ ids: ['nope'] }, ANONYMOUS), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When another service asks who owns a course, then IsCourseOwner answers for existing and unknown courses', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    // with the end user's token (about themself, or an admin about anyone): see authorization.test.ts
    expect(await f.catalog.IsCourseOwner({ course_id: course.id, user_id: f.owner.userId }, f.owner.auth)).toEqual({ exists: true, is_owner: true });
    expect(await f.catalog.IsCourseOwner({ course_id: course.id, user_id: f.other.userId }, f.admin.auth)).toEqual({ exists: true, is_owner: false });
    await expectGrpcError(f.catalog.IsCourseOwner({ course_id: course.id, user_id: 'x' }, f.owner.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When a token is invalid, then even anonymous-friendly reads refuse it with UNAUTHENTICATED', async () => {
    await expectGrpcError(f.catalog.ListCourses(listRequest(), { authorization: 'Bearer not.a.token' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(f.catalog.ListCategories({}, { authorization: 'Basic abc' }), GrpcStatus.UNAUTHENTICATED);
  });

  test('When DEFAULT_CURRENCY is configured, then a course created or updated without a currency gets it; a bad value stops the start-up', async () => {
    expect(f.config.DEFAULT_CURRENCY).toBe('USD');
    const replica = await f.startReplica({ DEFAULT_CURRENCY: 'EGP' });
    try {
      const course = await replica.client.CreateCourse(courseRequest({ price_cents: 79_999 }), f.owner.auth);
      expect(course).toMatchObject({ currency: 'EGP', price_cents: '79999' });
      const explicit = await replica.client.CreateCourse(courseRequest({ currency: 'EUR' }), f.owner.auth);
      expect(explicit.currency).toBe('EUR');
      const reset = await replica.client.UpdateCourse({ course_id: explicit.id, fields: ['currency'], currency: '' }, f.owner.auth);
      expect(reset.currency).toBe('EGP');
    } finally {
      await replica.stop();
    }
    expect((await f.catalog.CreateCourse(courseRequest(), f.owner.auth)).currency).toBe('USD');
    for (const bad of ['usd', 'EURO', 'E1R']) {
      expect(() => loadCatalogConfig({ ...f.env, DEFAULT_CURRENCY: bad })).toThrow(/DEFAULT_CURRENCY/);
    }
  });

  test('When a course goes through its whole life, then every catalog event type it causes matches its published v1 schema', async () => {
    // Its own course and lessons: the test checks the same thing run alone (`-t`) as after the rest of the file.
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const dripped = await f.catalog.CreateLesson(
      lessonRequest(course.id, { unlock_at: new Date(Date.now() + 86_400_000).toISOString(), unlock_after_days: 2, prerequisite: 'previous_lesson' }),
      f.owner.auth,
    );
    const plain = await f.catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'quiz' }), f.owner.auth);
    for (const lesson of [dripped, plain]) await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth);
    await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    await f.catalog.MoveLesson({ lesson_id: plain.id, new_order_index: 0 }, f.owner.auth);
    await f.catalog.UpdateCourse({ course_id: course.id, fields: ['title'], title: `Renamed ${unique()}` }, f.owner.auth);
    await f.catalog.UnpublishCourse({ course_id: course.id }, f.owner.auth);
    await f.catalog.ArchiveCourse({ course_id: course.id }, f.owner.auth);
    await f.catalog.UnarchiveCourse({ course_id: course.id }, f.owner.auth);
    await f.catalog.DeleteLesson({ lesson_id: plain.id }, f.owner.auth);
    await f.catalog.DeleteCourse({ course_id: course.id }, f.owner.auth);

    const types = Object.keys(CATALOG_EVENT_SCHEMAS).sort();
    const caused = () => events.matching((e) => e.subject === course.id); // every catalog event's subject is its course
    await eventually(() => expect([...new Set(caused().map((e) => e.type))].sort()).toEqual(types));
    for (const event of caused()) {
      const schema = CATALOG_EVENT_SCHEMAS[event.type as CatalogEventType];
      expect(event.dataschema).toBe(`urn:lms:events:${event.type}:v1`);
      const parsed = schema.safeParse(event.data);
      if (!parsed.success) throw new Error(`${event.type}: ${parsed.error.message}`);
    }
  });
});
