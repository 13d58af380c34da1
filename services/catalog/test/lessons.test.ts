import type { CourseOutline__Output } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';
import {
  ANONYMOUS,
  type CapturedEvents,
  courseRequest,
  eventually,
  expectGrpcError,
  GrpcStatus,
  lessonRequest,
  startFleetWithEvents,
  unique,
  type FleetWithEvents,
} from './support';

/** sections → lesson ids, in order, with their positions checked to be contiguous from 0. */
function structure(outline: CourseOutline__Output): string[][] {
  outline.sections.forEach((s, i) => {
    expect(s.order_index).toBe(i);
    s.lessons.forEach((l, j) => {
      expect(l.order_index).toBe(j);
      expect(l.section_id).toBe(s.id);
    });
  });
  return outline.sections.map((s) => s.lessons.map((l) => l.id));
}

describe('catalog: sections, lessons, ordering, publishing and course versions', () => {
  let f: FleetWithEvents;
  let events: CapturedEvents;

  beforeAll(async () => {
    f = await startFleetWithEvents('lessons');
    events = f.events;
  });

  afterAll(() => f?.close());

  const outline = (courseId: string) => f.catalog.GetCourseOutline({ course_id: courseId }, f.owner.auth);

  test('When a lesson is created without a section, then it goes to the last section ("Section 1" created when none) as a draft that counts toward completion', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const first = await f.catalog.CreateLesson(lessonRequest(course.id, { title: 'Welcome' }), f.owner.auth);
    expect(first).toMatchObject({ slug: 'welcome', order_index: 0, is_published: false, counts_toward_completion: true, content: '# Hello' });
    const second = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    expect(second).toMatchObject({ section_id: first.section_id, order_index: 1 });
    const section2 = await f.catalog.CreateSection({ course_id: course.id, title: 'Advanced', description: 'Hard parts' }, f.owner.auth);
    expect(section2).toMatchObject({ order_index: 1, title: 'Advanced' });
    const third = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    expect(third).toMatchObject({ section_id: section2.id, order_index: 0 });
    const o = await outline(course.id);
    expect(o.sections.map((s) => s.title)).toEqual(['Section 1', 'Advanced']);
    expect(structure(o)).toEqual([[first.id, second.id], [third.id]]);
    const { event } = await events.waitFor((e) => e.type === 'lesson.created' && e.data.lesson_id === first.id);
    expect(event).toMatchObject({
      subject: course.id,
      source: 'lms/catalog',
      data: { course_id: course.id, section_id: first.section_id, title: 'Welcome', lesson_type: 'text', is_published: false, counts_toward_completion: true },
    });
  });

  test('When counts_toward_completion is listed in fields as false, then the lesson does not count; lesson settings are stored and returned', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const lesson = await f.catalog.CreateLesson(
      lessonRequest(course.id, {
        lesson_type: 'video',
        video_url: 'https://video.example.com/1.mp4',
        resources: [{ title: 'Slides', url: 'https://files.example.com/s.pdf', type: 'pdf' }, { title: 'Site', url: 'http://example.com' }],
        is_preview: true,
        counts_toward_completion: false,
        fields: ['counts_toward_completion'],
        unlock_at: '2030-01-31T09:00:00+01:00',
        unlock_after_days: 7,
        prerequisite: 'previous_lesson',
      }),
      f.owner.auth,
    );
    expect(lesson).toMatchObject({
      lesson_type: 'video',
      counts_toward_completion: false,
      is_preview: true,
      resources: [
        { title: 'Slides', url: 'https://files.example.com/s.pdf', type: 'pdf' },
        { title: 'Site', url: 'http://example.com', type: 'link' },
      ],
      unlock_at: '2030-01-31T08:00:00.000Z',
      unlock_after_days: 7,
      prerequisite: 'previous_lesson',
    });
  });

  test.each([
    ['an unknown lesson type', { lesson_type: 'podcast' }, 'lesson_type'],
    ['a duration of 1441 minutes', { duration_minutes: 1441 }, 'duration_minutes'],
    ['a negative duration', { duration_minutes: -1 }, 'duration_minutes'],
    ['a resource with an ftp URL', { resources: [{ title: 'x', url: 'ftp://example.com/f' }] }, 'resources'],
    ['51 resources', { resources: Array.from({ length: 51 }, () => ({ title: 'r', url: 'https://example.com' })) }, 'resources'],
    ['an unknown prerequisite', { prerequisite: 'all_previous' }, 'prerequisite'],
    ['an unlock date that is not RFC 3339', { unlock_at: '31/01/2030' }, 'unlock_at'],
    ['unlock_after_days of 3651', { unlock_after_days: 3651 }, 'unlock_after_days'],
    ['an unknown field name', { fields: ['colour'] }, 'fields'],
    ['a malformed section id', { section_id: 'abc' }, 'section_id'],
    ['an empty title', { title: '   ' }, 'title'],
  ])('When a lesson is created with %s, then INVALID_ARGUMENT names the field', async (_what, overrides, field) => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const err = await expectGrpcError(f.catalog.CreateLesson(lessonRequest(course.id, overrides as never), f.owner.auth), GrpcStatus.INVALID_ARGUMENT);
    expect(err.fields!.map((e) => e.loc[0])).toContain(field);
  });

  test('When a lesson names a section of another course, then INVALID_ARGUMENT', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const foreign = await f.catalog.CreateSection({ course_id: (await f.catalog.CreateCourse(courseRequest(), f.owner.auth)).id, title: 'X' }, f.owner.auth);
    const err = await expectGrpcError(
      f.catalog.CreateLesson(lessonRequest(course.id, { section_id: foreign.id }), f.owner.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
    expect(err.fields).toEqual([{ loc: ['section_id'], msg: 'is not a section of this course' }]);
  });

  test('When two lessons of a course share a title, then their slugs differ; another course may reuse the slug; a taken slug is refused', async () => {
    const a = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const b = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const one = await f.catalog.CreateLesson(lessonRequest(a.id, { title: 'Getting Started' }), f.owner.auth);
    const two = await f.catalog.CreateLesson(lessonRequest(a.id, { title: 'Getting started!' }), f.owner.auth);
    const three = await f.catalog.CreateLesson(lessonRequest(b.id, { title: 'Getting Started' }), f.owner.auth);
    expect([one.slug, two.slug, three.slug]).toEqual(['getting-started', 'getting-started-2', 'getting-started']);
    await expectGrpcError(
      f.catalog.UpdateLesson({ lesson_id: two.id, fields: ['slug'], slug: 'getting-started' }, f.owner.auth),
      GrpcStatus.ALREADY_EXISTS,
      'CATALOG.LESSON_SLUG_TAKEN',
    );
  });

  test('When a lesson moves to another section or is deleted, then positions stay contiguous in both sections', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const s1 = await f.catalog.CreateSection({ course_id: course.id, title: 'One' }, f.owner.auth);
    const s2 = await f.catalog.CreateSection({ course_id: course.id, title: 'Two' }, f.owner.auth);
    const l = [];
    for (let i = 0; i < 3; i++) l.push(await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s1.id }), f.owner.auth));
    const d = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s2.id }), f.owner.auth);
    const moved = await f.catalog.UpdateLesson({ lesson_id: l[0].id, fields: ['section_id'], section_id: s2.id }, f.owner.auth);
    expect(moved).toMatchObject({ section_id: s2.id, order_index: 1 });
    expect(structure(await outline(course.id))).toEqual([[l[1].id, l[2].id], [d.id, l[0].id]]);
    await f.catalog.DeleteLesson({ lesson_id: l[1].id }, f.owner.auth);
    expect(structure(await outline(course.id))).toEqual([[l[2].id], [d.id, l[0].id]]);
    const { event } = await events.waitFor((e) => e.type === 'lesson.deleted' && e.data.lesson_id === l[1].id);
    expect(event.data).toMatchObject({ lesson_id: l[1].id, course_id: course.id });
    const updated = await events.waitFor((e) => e.type === 'lesson.updated' && e.data.lesson_id === l[0].id);
    expect(updated.event.data).toMatchObject({ changed_fields: ['section_id'], is_published: false });
  });

  test('When a section still has lessons it cannot be deleted; an empty one can, and the following sections move up', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const s1 = await f.catalog.CreateSection({ course_id: course.id, title: 'One' }, f.owner.auth);
    const s2 = await f.catalog.CreateSection({ course_id: course.id, title: 'Two' }, f.owner.auth);
    const s3 = await f.catalog.CreateSection({ course_id: course.id, title: 'Three' }, f.owner.auth);
    await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s1.id }), f.owner.auth);
    await expectGrpcError(f.catalog.DeleteSection({ section_id: s1.id }, f.owner.auth), GrpcStatus.FAILED_PRECONDITION, 'CATALOG.SECTION_NOT_EMPTY');
    await f.catalog.DeleteSection({ section_id: s2.id }, f.owner.auth);
    const o = await outline(course.id);
    expect(o.sections.map((s) => [s.id, s.order_index])).toEqual([
      [s1.id, 0],
      [s3.id, 1],
    ]);
    const renamed = await f.catalog.UpdateSection({ section_id: s3.id, fields: ['title'], title: 'Finale', description: 'ignored' }, f.owner.auth);
    expect(renamed).toMatchObject({ title: 'Finale', description: '' });
    await expectGrpcError(f.catalog.DeleteSection({ section_id: s2.id }, f.owner.auth), GrpcStatus.NOT_FOUND, 'CATALOG.SECTION_NOT_FOUND');
  });

  test('When a reorder is missing a lesson, repeats one, names a foreign one or leaves out a section, then it is refused and nothing changes', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const s1 = await f.catalog.CreateSection({ course_id: course.id, title: 'One' }, f.owner.auth);
    const s2 = await f.catalog.CreateSection({ course_id: course.id, title: 'Two' }, f.owner.auth);
    const a = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s1.id }), f.owner.auth);
    const b = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s1.id }), f.owner.auth);
    const other = await f.catalog.CreateLesson(lessonRequest((await f.catalog.CreateCourse(courseRequest(), f.owner.auth)).id), f.owner.auth);
    const before = structure(await outline(course.id));
    const bad = [
      [{ section_id: s1.id, lesson_ids: [a.id] }, { section_id: s2.id, lesson_ids: [] }],
      [{ section_id: s1.id, lesson_ids: [a.id, b.id, a.id] }, { section_id: s2.id, lesson_ids: [] }],
      [{ section_id: s1.id, lesson_ids: [a.id, b.id, other.id] }, { section_id: s2.id, lesson_ids: [] }],
      [{ section_id: s1.id, lesson_ids: [b.id, a.id] }],
      [{ section_id: s1.id, lesson_ids: [b.id, a.id] }, { section_id: s1.id, lesson_ids: [] }, { section_id: s2.id, lesson_ids: [] }],
      [{ section_id: s1.id, lesson_ids: ['nope', a.id, b.id] }, { section_id: s2.id, lesson_ids: [] }],
    ];
    for (const sections of bad) {
      await expectGrpcError(f.catalog.ReorderLessons({ course_id: course.id, sections }, f.owner.auth), GrpcStatus.INVALID_ARGUMENT);
    }
    expect(structure(await outline(course.id))).toEqual(before);
  });

  test('When a reorder moves lessons across sections and reorders the sections, then the outline follows it exactly', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const s1 = await f.catalog.CreateSection({ course_id: course.id, title: 'One' }, f.owner.auth);
    const s2 = await f.catalog.CreateSection({ course_id: course.id, title: 'Two' }, f.owner.auth);
    const a = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s1.id }), f.owner.auth);
    const b = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s1.id }), f.owner.auth);
    const c = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: s2.id }), f.owner.auth);
    const result = await f.catalog.ReorderLessons(
      { course_id: course.id, sections: [{ section_id: s2.id, lesson_ids: [b.id, c.id, a.id] }, { section_id: s1.id, lesson_ids: [] }] },
      f.owner.auth,
    );
    expect(result.sections.map((s) => s.id)).toEqual([s2.id, s1.id]);
    expect(structure(result)).toEqual([[b.id, c.id, a.id], []]);
    expect(structure(await outline(course.id))).toEqual([[b.id, c.id, a.id], []]);
    const { event } = await events.waitFor((e) => e.type === 'course.updated' && e.subject === course.id);
    expect(event.data.changed_fields).toEqual(['lesson_order']);
  });

  test('When ten different reorders run at the same time, then the final order is exactly one of them, contiguous and without duplicates', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const s1 = await f.catalog.CreateSection({ course_id: course.id, title: 'One' }, f.owner.auth);
    const s2 = await f.catalog.CreateSection({ course_id: course.id, title: 'Two' }, f.owner.auth);
    const lessons: string[] = [];
    for (let i = 0; i < 6; i++) {
      lessons.push((await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: i < 3 ? s1.id : s2.id }), f.owner.auth)).id);
    }
    const permutations = Array.from({ length: 10 }, (_, k) => {
      const rotated = [...lessons.slice(k % 6), ...lessons.slice(0, k % 6)];
      const ordered = k % 2 ? rotated.reverse() : rotated;
      const split = 1 + (k % 5);
      const sections = k % 3 ? [s1.id, s2.id] : [s2.id, s1.id];
      return [
        { section_id: sections[0], lesson_ids: ordered.slice(0, split) },
        { section_id: sections[1], lesson_ids: ordered.slice(split) },
      ];
    });
    const results = await Promise.allSettled(
      permutations.map((sections, i) => f.catalog.ReorderLessons({ course_id: course.id, sections }, i % 2 ? f.owner.auth : f.admin.auth)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const final = await outline(course.id);
    const got = structure(final);
    const sectionOrder = final.sections.map((s) => s.id);
    const candidates = permutations.map((p) => ({ sections: p.map((s) => s.section_id), lessons: p.map((s) => s.lesson_ids) }));
    expect(candidates).toContainEqual({ sections: sectionOrder, lessons: got });
    expect(new Set(got.flat()).size).toBe(6);
  });

  test('When a course is published, then version 1 and course.published carry the ordered countable lessons; publishing again is a no-op', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const a = await f.catalog.CreateLesson(lessonRequest(course.id, { unlock_after_days: 3, prerequisite: 'previous_lesson' }), f.owner.auth);
    const b = await f.catalog.CreateLesson(
      lessonRequest(course.id, { lesson_type: 'quiz', counts_toward_completion: false, fields: ['counts_toward_completion'] }),
      f.owner.auth,
    );
    const draft = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: a.id }, f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: b.id }, f.owner.auth);
    const published = await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    expect(published).toMatchObject({ is_published: true, version: 1, total_lessons: 2, total_quizzes: 1 });
    expect(published.published_at).not.toBe('');
    const { event } = await events.waitFor((e) => e.type === 'course.published' && e.subject === course.id);
    expect(event.data).toEqual({
      course_id: course.id,
      version: 1,
      instructor_id: f.owner.userId,
      title: course.title,
      published_at: published.published_at,
      countable_lesson_ids: [a.id],
      lessons: [
        { lesson_id: a.id, section_id: a.section_id, order_index: 0, lesson_type: 'text', counts_toward_completion: true, unlock_at: null, unlock_after_days: 3, prerequisite: 'previous_lesson', title: a.title },
        { lesson_id: b.id, section_id: b.section_id, order_index: 1, lesson_type: 'quiz', counts_toward_completion: false, unlock_at: null, unlock_after_days: 0, prerequisite: null, title: b.title },
      ],
    });
    expect(draft.is_published).toBe(false);
    const again = await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    expect(again).toMatchObject({ version: 1, updated_at: published.updated_at, published_at: published.published_at });
    const o = await f.catalog.GetCourseOutline({ course_id: course.id }, ANONYMOUS);
    expect(o).toMatchObject({ version: 1, is_published: true, countable_lesson_ids: [a.id], instructor_id: f.owner.userId });
    // Positive barrier: a later write's event. The outbox relays in write order (its seq) into one capture
    // queue, so once that event is here anything the no-op publish had emitted would be here too.
    await f.catalog.UpdateCourse({ course_id: course.id, fields: ['description'], description: 'After the no-op' }, f.owner.auth);
    await events.waitFor((e) => e.type === 'course.updated' && e.subject === course.id);
    expect(events.matching((e) => e.type === 'course.published' && e.subject === course.id)).toHaveLength(1);
  });

  test('When the countable lessons of a published course change, then each change bumps the version and emits course.published in the same transaction', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const a = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: a.id }, f.owner.auth);
    await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    const version = async () => (await f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS)).version;
    const lastPublished = async (v: number) =>
      (await events.waitFor((e) => e.type === 'course.published' && e.subject === course.id && e.data.version === v)).event.data;

    // a new draft lesson changes nothing; publishing it does
    const b = await f.catalog.CreateLesson(lessonRequest(course.id, { duration_minutes: 20 }), f.owner.auth);
    expect(await version()).toBe(1);
    await f.catalog.PublishLesson({ lesson_id: b.id }, f.owner.auth);
    expect(await version()).toBe(2);
    expect((await lastPublished(2)).countable_lesson_ids).toEqual([a.id, b.id]);
    expect((await f.catalog.GetCourse({ course_id: course.id }, ANONYMOUS)).estimated_duration_minutes).toBe(30);

    // an edit that does not touch completion (description) keeps the version
    await f.catalog.UpdateLesson({ lesson_id: b.id, fields: ['description'], description: 'More' }, f.owner.auth);
    expect(await version()).toBe(2);

    // the counts flag off → removed
    await f.catalog.UpdateLesson({ lesson_id: a.id, fields: ['counts_toward_completion'], counts_toward_completion: false }, f.owner.auth);
    expect(await version()).toBe(3);
    expect((await lastPublished(3)).countable_lesson_ids).toEqual([b.id]);

    // reorder of countable lessons → new order, new version
    await f.catalog.UpdateLesson({ lesson_id: a.id, fields: ['counts_toward_completion'], counts_toward_completion: true }, f.owner.auth);
    expect((await lastPublished(4)).countable_lesson_ids).toEqual([a.id, b.id]);
    await f.catalog.ReorderLessons({ course_id: course.id, sections: [{ section_id: a.section_id, lesson_ids: [b.id, a.id] }] }, f.owner.auth);
    expect((await lastPublished(5)).countable_lesson_ids).toEqual([b.id, a.id]);

    // unpublishing and deleting a countable lesson
    await f.catalog.UnpublishLesson({ lesson_id: b.id }, f.owner.auth);
    expect((await lastPublished(6)).countable_lesson_ids).toEqual([a.id]);
    await f.catalog.PublishLesson({ lesson_id: b.id }, f.owner.auth);
    await f.catalog.DeleteLesson({ lesson_id: b.id }, f.owner.auth);
    expect((await lastPublished(8)).countable_lesson_ids).toEqual([a.id]);
    expect(await version()).toBe(8);

    // the last published lesson of a published course stays
    await expectGrpcError(f.catalog.UnpublishLesson({ lesson_id: a.id }, f.owner.auth), GrpcStatus.FAILED_PRECONDITION, 'CATALOG.LAST_PUBLISHED_LESSON');
    await expectGrpcError(f.catalog.DeleteLesson({ lesson_id: a.id }, f.owner.auth), GrpcStatus.FAILED_PRECONDITION, 'CATALOG.LAST_PUBLISHED_LESSON');
  });

  test('When a course is unpublished, changed and published again, then the version is bumped only if its countable lessons changed', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const a = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: a.id }, f.owner.auth);
    await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    await f.catalog.UnpublishCourse({ course_id: course.id }, f.owner.auth);
    expect((await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth)).version).toBe(1); // same set
    await f.catalog.UnpublishCourse({ course_id: course.id }, f.owner.auth);
    const b = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    await f.catalog.PublishLesson({ lesson_id: b.id }, f.owner.auth); // while unpublished: no version yet
    expect((await f.catalog.GetCourse({ course_id: course.id }, f.owner.auth)).version).toBe(1);
    const republished = await f.catalog.PublishCourse({ course_id: course.id }, f.owner.auth);
    expect(republished.version).toBe(2);
    const { event } = await events.waitFor((e) => e.type === 'course.published' && e.subject === course.id && e.data.version === 2);
    expect(event.data.countable_lesson_ids).toEqual([a.id, b.id]);
    expect(events.matching((e) => e.type === 'course.published' && e.subject === course.id).map((e) => e.data.version)).toEqual([1, 1, 2]);
  });

  test('When a lesson is updated, then lesson.updated lists only what really changed, and an update that changes nothing emits nothing', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const lesson = await f.catalog.CreateLesson(lessonRequest(course.id, { duration_minutes: 10 }), f.owner.auth);
    const same = await f.catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['duration_minutes'], duration_minutes: 10 }, f.owner.auth);
    expect(same.updated_at).toBe(lesson.updated_at);
    const updated = await f.catalog.UpdateLesson(
      { lesson_id: lesson.id, fields: ['duration_minutes', 'title', 'content'], duration_minutes: 25, title: lesson.title, content: 'New **content**' },
      f.owner.auth,
    );
    expect(updated).toMatchObject({ duration_minutes: 25, content: 'New **content**', slug: lesson.slug });
    const { event } = await events.waitFor((e) => e.type === 'lesson.updated' && e.data.lesson_id === lesson.id);
    expect(event.data).toEqual({
      lesson_id: lesson.id,
      course_id: course.id,
      changed_fields: ['content', 'duration_minutes'],
      is_published: false,
      updated_at: updated.updated_at,
    });
    // Positive barrier: the no-op came first and the event awaited above is the later update's (the outbox
    // relays in write order into one capture queue): had the no-op emitted anything, it would be here already.
    expect(events.matching((e) => e.type === 'lesson.updated' && e.data.lesson_id === lesson.id)).toHaveLength(1);
  });

  test('When a lesson is renamed, then lesson.updated carries the new title (issue 13); without a title change it carries none', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const lesson = await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth);
    const title = `Renamed lesson ${unique()}`;
    const renamed = await f.catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['title', 'duration_minutes'], title, duration_minutes: 42 }, f.owner.auth);
    expect(renamed.title).toBe(title);
    await f.catalog.PublishLesson({ lesson_id: lesson.id }, f.owner.auth);
    const changed = () => events.matching((e) => e.type === 'lesson.updated' && e.data.lesson_id === lesson.id);
    await eventually(() => expect(changed()).toHaveLength(2));
    const [first, second] = changed();
    expect(first.data).toMatchObject({ changed_fields: expect.arrayContaining(['title', 'duration_minutes']), title, updated_at: renamed.updated_at });
    expect(second.data).toMatchObject({ changed_fields: ['is_published'], is_published: true });
    expect(second.data).not.toHaveProperty('title');
  });

  test('When one lesson is moved within its section, then the others shift, positions stay contiguous, past the end means the end, and course.updated says lesson_order', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth)).id);
    const other = await f.catalog.CreateSection({ course_id: course.id, title: 'Other' }, f.owner.auth);
    const elsewhere = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: other.id }), f.owner.auth);
    const [a, b, c, d] = ids;
    const moved = await f.catalog.MoveLesson({ lesson_id: d, new_order_index: 1 }, f.owner.auth);
    expect(moved).toMatchObject({ id: d, order_index: 1, content: '# Hello' });
    expect(structure(await outline(course.id))).toEqual([[a, d, b, c], [elsewhere.id]]);
    await f.catalog.MoveLesson({ lesson_id: a, new_order_index: 999 }, f.admin.auth);
    expect(structure(await outline(course.id))).toEqual([[d, b, c, a], [elsewhere.id]]);
    const { event } = await events.waitFor((e) => e.type === 'course.updated' && e.subject === course.id);
    expect(event.data.changed_fields).toEqual(['lesson_order']);
    const same = await f.catalog.MoveLesson({ lesson_id: a, new_order_index: 3 }, f.owner.auth);
    expect(same.order_index).toBe(3);
    await expectGrpcError(f.catalog.MoveLesson({ lesson_id: a, new_order_index: -1 }, f.owner.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.catalog.MoveLesson({ lesson_id: 'nope', new_order_index: 0 }, f.owner.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.catalog.MoveLesson({ lesson_id: a, new_order_index: 0 }, f.other.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.catalog.MoveLesson({ lesson_id: a, new_order_index: 0 }, f.student.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.catalog.MoveLesson({ lesson_id: a, new_order_index: 0 }, ANONYMOUS), GrpcStatus.UNAUTHENTICATED);
  });

  test('When twenty moves and a full reorder run at the same time, then every one succeeds and the positions stay contiguous without duplicates', async () => {
    const course = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await f.catalog.CreateLesson(lessonRequest(course.id), f.owner.auth)).id);
    const sectionId = (await outline(course.id)).sections[0].id;
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, k) =>
        f.catalog.MoveLesson({ lesson_id: ids[k % 6], new_order_index: (k * 7) % 8 }, k % 2 ? f.owner.auth : f.admin.auth),
      ),
      f.catalog.ReorderLessons({ course_id: course.id, sections: [{ section_id: sectionId, lesson_ids: [...ids].reverse() }] }, f.owner.auth),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const got = structure(await outline(course.id));
    expect(got).toHaveLength(1);
    expect([...got[0]].sort()).toEqual([...ids].sort());
  });
});
