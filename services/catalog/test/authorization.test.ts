import type { Course__Output } from '@lms/kit/generated/lms/catalog/v1/Course';
import {
  ANONYMOUS,
  courseRequest,
  lessonRequest,
  listRequest,
  startFleet,
  statusOf,
  unique,
  type Fleet,
  type User,
} from './support';

/**
 * The authorization matrix: every RPC, called by an anonymous caller, a student, the owner instructor,
 * another instructor and an admin, against a published or a draft course → the expected gRPC status.
 * Calls expected to succeed get a fresh fixture each (they may change or delete it).
 */
type Actor = 'anonymous' | 'student' | 'owner' | 'other' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'student', 'owner', 'other', 'admin'];

interface Fixture {
  course: Course__Output;
  sectionId: string;
  emptySectionId: string;
  previewLessonId: string;
  lessonId: string;
  draftLessonId: string;
}

type Expect = Record<Actor, string>;
const OWNER_ADMIN_WRITE_PUBLISHED: Expect = {
  anonymous: 'UNAUTHENTICATED',
  student: 'PERMISSION_DENIED',
  owner: 'OK',
  other: 'PERMISSION_DENIED',
  admin: 'OK',
};
const OWNER_ADMIN_WRITE_DRAFT: Expect = {
  anonymous: 'UNAUTHENTICATED',
  student: 'NOT_FOUND',
  owner: 'OK',
  other: 'NOT_FOUND',
  admin: 'OK',
};
const EVERYONE: Expect = { anonymous: 'OK', student: 'OK', owner: 'OK', other: 'OK', admin: 'OK' };
const OWNER_ADMIN_READ: Expect = { anonymous: 'NOT_FOUND', student: 'NOT_FOUND', owner: 'OK', other: 'NOT_FOUND', admin: 'OK' };

describe('catalog: authorization matrix (every RPC × anonymous, student, owner, other instructor, admin)', () => {
  let f: Fleet;
  const shared: Partial<Record<'published' | 'draft', Fixture>> = {};

  const who = (actor: Actor): { authorization: string } =>
    actor === 'anonymous' ? ANONYMOUS : ({ student: f.student, owner: f.owner, other: f.other, admin: f.admin } as Record<string, User>)[actor].auth;

  async function fixture(published: boolean): Promise<Fixture> {
    const owner = f.owner.auth;
    const course = await f.catalog.CreateCourse(courseRequest(), owner);
    const section = await f.catalog.CreateSection({ course_id: course.id, title: 'Basics' }, owner);
    const preview = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: section.id, is_preview: true }), owner);
    const lesson = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: section.id }), owner);
    const draft = await f.catalog.CreateLesson(lessonRequest(course.id, { section_id: section.id }), owner);
    await f.catalog.PublishLesson({ lesson_id: preview.id }, owner);
    await f.catalog.PublishLesson({ lesson_id: lesson.id }, owner);
    const empty = await f.catalog.CreateSection({ course_id: course.id, title: 'Later' }, owner);
    const final = published ? await f.catalog.PublishCourse({ course_id: course.id }, owner) : course;
    return {
      course: final,
      sectionId: section.id,
      emptySectionId: empty.id,
      previewLessonId: preview.id,
      lessonId: lesson.id,
      draftLessonId: draft.id,
    };
  }

  /** Fresh fixtures for the calls expected to succeed, built up front, several at a time. */
  const pool: Record<'published' | 'draft', Fixture[]> = { published: [], draft: [] };
  const fresh = (target: 'published' | 'draft'): Fixture => {
    const fx = pool[target].pop();
    if (!fx) throw new Error(`fixture pool for ${target} courses is empty`);
    return fx;
  };

  beforeAll(async () => {
    f = await startFleet('authz');
    shared.published = await fixture(true);
    shared.draft = await fixture(false);
    const needed = { published: 0, draft: 0 };
    for (const c of cases) needed[c.target] += ACTORS.filter((a) => c.expect[a] === 'OK').length;
    const targets = [...Array(needed.published).fill('published'), ...Array(needed.draft).fill('draft')] as ('published' | 'draft')[];
    for (let i = 0; i < targets.length; i += 8) {
      const batch = targets.slice(i, i + 8);
      const built = await Promise.all(batch.map((t) => fixture(t === 'published')));
      built.forEach((fx, j) => pool[batch[j]].push(fx));
    }
  });

  afterAll(async () => {
    await f?.close();
  });

  const cases: { rpc: string; target: 'published' | 'draft'; expect: Expect; call: (fx: Fixture, auth: { authorization: string }) => Promise<unknown> }[] = [
    // courses
    { rpc: 'CreateCourse', target: 'published', expect: { ...OWNER_ADMIN_WRITE_PUBLISHED, other: 'OK' }, call: (_fx, a) => f.catalog.CreateCourse(courseRequest(), a) },
    { rpc: 'UpdateCourse', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.UpdateCourse({ course_id: fx.course.id, fields: ['title'], title: `T ${unique()}` }, a) },
    { rpc: 'UpdateCourse', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.UpdateCourse({ course_id: fx.course.id, fields: ['title'], title: `T ${unique()}` }, a) },
    { rpc: 'DeleteCourse', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.DeleteCourse({ course_id: fx.course.id }, a) },
    { rpc: 'DeleteCourse', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.DeleteCourse({ course_id: fx.course.id }, a) },
    { rpc: 'PublishCourse', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.PublishCourse({ course_id: fx.course.id }, a) },
    { rpc: 'UnpublishCourse', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.UnpublishCourse({ course_id: fx.course.id }, a) },
    { rpc: 'ArchiveCourse', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.ArchiveCourse({ course_id: fx.course.id }, a) },
    { rpc: 'UnarchiveCourse', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.UnarchiveCourse({ course_id: fx.course.id }, a) },
    { rpc: 'GetCourse', target: 'published', expect: EVERYONE, call: (fx, a) => f.catalog.GetCourse({ course_id: fx.course.id }, a) },
    { rpc: 'GetCourse', target: 'draft', expect: OWNER_ADMIN_READ, call: (fx, a) => f.catalog.GetCourse({ course_id: fx.course.id }, a) },
    { rpc: 'GetCourseBySlug', target: 'published', expect: EVERYONE, call: (fx, a) => f.catalog.GetCourseBySlug({ slug: fx.course.slug }, a) },
    { rpc: 'GetCourseBySlug', target: 'draft', expect: OWNER_ADMIN_READ, call: (fx, a) => f.catalog.GetCourseBySlug({ slug: fx.course.slug }, a) },
    { rpc: 'ListCourses', target: 'published', expect: EVERYONE, call: (_fx, a) => f.catalog.ListCourses(listRequest({ include_unpublished: true }), a) },
    { rpc: 'ListMyCourses', target: 'published', expect: { anonymous: 'UNAUTHENTICATED', student: 'PERMISSION_DENIED', owner: 'OK', other: 'OK', admin: 'OK' }, call: (_fx, a) => f.catalog.ListMyCourses({ page: 1, page_size: 5 }, a) },
    { rpc: 'ListCategories', target: 'published', expect: EVERYONE, call: (_fx, a) => f.catalog.ListCategories({}, a) },
    { rpc: 'ListPopularCourses', target: 'published', expect: EVERYONE, call: (_fx, a) => f.catalog.ListPopularCourses({ limit: 5 }, a) },
    { rpc: 'ListTopRatedCourses', target: 'published', expect: EVERYONE, call: (_fx, a) => f.catalog.ListTopRatedCourses({ limit: 5 }, a) },
    { rpc: 'BatchGetCourses', target: 'draft', expect: EVERYONE, call: (fx, a) => f.catalog.BatchGetCourses({ ids: [fx.course.id] }, a) },
    // sections
    { rpc: 'CreateSection', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.CreateSection({ course_id: fx.course.id, title: 'New' }, a) },
    { rpc: 'CreateSection', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.CreateSection({ course_id: fx.course.id, title: 'New' }, a) },
    { rpc: 'UpdateSection', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.UpdateSection({ section_id: fx.sectionId, fields: ['title'], title: 'Renamed' }, a) },
    { rpc: 'UpdateSection', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.UpdateSection({ section_id: fx.sectionId, fields: ['title'], title: 'Renamed' }, a) },
    { rpc: 'DeleteSection', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.DeleteSection({ section_id: fx.emptySectionId }, a) },
    // lessons
    { rpc: 'CreateLesson', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.CreateLesson(lessonRequest(fx.course.id), a) },
    { rpc: 'CreateLesson', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.CreateLesson(lessonRequest(fx.course.id), a) },
    { rpc: 'UpdateLesson', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.UpdateLesson({ lesson_id: fx.lessonId, fields: ['duration_minutes'], duration_minutes: 12 }, a) },
    { rpc: 'UpdateLesson', target: 'draft', expect: OWNER_ADMIN_WRITE_DRAFT, call: (fx, a) => f.catalog.UpdateLesson({ lesson_id: fx.lessonId, fields: ['duration_minutes'], duration_minutes: 12 }, a) },
    { rpc: 'DeleteLesson', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.DeleteLesson({ lesson_id: fx.draftLessonId }, a) },
    { rpc: 'PublishLesson', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.PublishLesson({ lesson_id: fx.draftLessonId }, a) },
    { rpc: 'UnpublishLesson', target: 'published', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.UnpublishLesson({ lesson_id: fx.lessonId }, a) },
    { rpc: 'GetLesson (published preview)', target: 'published', expect: EVERYONE, call: (fx, a) => f.catalog.GetLesson({ lesson_id: fx.previewLessonId }, a) },
    { rpc: 'GetLesson (published, not preview)', target: 'published', expect: { anonymous: 'PERMISSION_DENIED', student: 'PERMISSION_DENIED', owner: 'OK', other: 'PERMISSION_DENIED', admin: 'OK' }, call: (fx, a) => f.catalog.GetLesson({ lesson_id: fx.lessonId }, a) },
    { rpc: 'GetLesson (draft lesson)', target: 'published', expect: OWNER_ADMIN_READ, call: (fx, a) => f.catalog.GetLesson({ lesson_id: fx.draftLessonId }, a) },
    { rpc: 'GetLesson (preview of a draft course)', target: 'draft', expect: OWNER_ADMIN_READ, call: (fx, a) => f.catalog.GetLesson({ lesson_id: fx.previewLessonId }, a) },
    { rpc: 'ListLessons', target: 'published', expect: EVERYONE, call: (fx, a) => f.catalog.ListLessons({ course_id: fx.course.id }, a) },
    { rpc: 'ListLessons', target: 'draft', expect: OWNER_ADMIN_READ, call: (fx, a) => f.catalog.ListLessons({ course_id: fx.course.id }, a) },
    {
      rpc: 'ReorderLessons',
      target: 'published',
      expect: OWNER_ADMIN_WRITE_PUBLISHED,
      call: (fx, a) =>
        f.catalog.ReorderLessons(
          {
            course_id: fx.course.id,
            sections: [
              { section_id: fx.emptySectionId, lesson_ids: [fx.draftLessonId] },
              { section_id: fx.sectionId, lesson_ids: [fx.lessonId, fx.previewLessonId] },
            ],
          },
          a,
        ),
    },
    // for other services
    { rpc: 'GetCourseOutline', target: 'published', expect: EVERYONE, call: (fx, a) => f.catalog.GetCourseOutline({ course_id: fx.course.id }, a) },
    { rpc: 'GetCourseOutline', target: 'draft', expect: OWNER_ADMIN_READ, call: (fx, a) => f.catalog.GetCourseOutline({ course_id: fx.course.id }, a) },
    // about the owner: the owner themself and admins only (issue 9: it answered anyone)
    { rpc: 'IsCourseOwner', target: 'draft', expect: OWNER_ADMIN_WRITE_PUBLISHED, call: (fx, a) => f.catalog.IsCourseOwner({ course_id: fx.course.id, user_id: f.owner.userId }, a) },
  ];

  test.each(cases.map((c) => [`${c.rpc} on a ${c.target} course`, ACTORS.map((a) => `${a} → ${c.expect[a]}`).join(', '), c] as const))(
    'When each kind of caller calls %s, then %s',
    async (_name, _summary, c) => {
      const actual: Record<string, string> = {};
      for (const actor of ACTORS) {
        const fx = c.expect[actor] === 'OK' ? fresh(c.target) : shared[c.target]!;
        actual[actor] = await statusOf(c.call(fx, who(actor)));
      }
      expect(actual).toEqual(c.expect);
    },
  );

  test('When every refused call of the matrix is made on one published and one draft course, then neither course changed', async () => {
    // Its own two courses: the check means the same run alone (`-t`) as after the matrix.
    const own = { published: await fixture(true), draft: await fixture(false) };
    for (const c of cases) {
      for (const actor of ACTORS.filter((a) => c.expect[a] !== 'OK')) {
        expect(`${c.rpc} by ${actor} → ${await statusOf(c.call(own[c.target], who(actor)))}`).toBe(`${c.rpc} by ${actor} → ${c.expect[actor]}`);
      }
    }
    const published = await f.catalog.GetCourse({ course_id: own.published.course.id }, f.owner.auth);
    expect(published).toMatchObject({ title: own.published.course.title, is_published: true, archived_at: '', version: 1 });
    const outline = await f.catalog.GetCourseOutline({ course_id: own.published.course.id }, f.owner.auth);
    expect(outline.sections.map((s) => s.lessons.length)).toEqual([3, 0]);
    const draftLesson = await f.catalog.GetLesson({ lesson_id: own.published.draftLessonId }, f.owner.auth);
    expect(draftLesson.is_published).toBe(false);
    const draft = await f.catalog.GetCourse({ course_id: own.draft.course.id }, f.owner.auth);
    expect(draft).toMatchObject({ title: own.draft.course.title, is_published: false, archived_at: '' });
  });

  test('When IsCourseOwner is asked, then callers learn about themselves only (admins about anyone), before anything about the course', async () => {
    const fx = shared.draft!;
    const ask = (userId: string, caller: { authorization: string }, courseId = fx.course.id) => f.catalog.IsCourseOwner({ course_id: courseId, user_id: userId }, caller);
    expect(await ask(f.owner.userId, f.owner.auth)).toEqual({ exists: true, is_owner: true });
    expect(await ask(f.other.userId, f.other.auth)).toEqual({ exists: true, is_owner: false });
    expect(await ask(f.student.userId, f.student.auth)).toEqual({ exists: true, is_owner: false });
    expect(await ask(f.other.userId, f.admin.auth)).toEqual({ exists: true, is_owner: false });
    expect(await ask(f.owner.userId, f.admin.auth, '00000000-0000-4000-8000-000000000000')).toEqual({ exists: false, is_owner: false });
    // another instructor may not probe who owns what, nor whether a course id exists
    expect(await statusOf(ask(f.owner.userId, f.other.auth))).toBe('PERMISSION_DENIED');
    expect(await statusOf(ask(f.owner.userId, f.other.auth, '00000000-0000-4000-8000-000000000000'))).toBe('PERMISSION_DENIED');
    expect(await statusOf(ask(f.other.userId, ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(await statusOf(ask('x', f.owner.auth))).toBe('INVALID_ARGUMENT');
  });

  test('When a non-owner reads a published course, then drafts are hidden from its lessons and outline; the owner sees them', async () => {
    const fx = shared.published!;
    const forStudent = await f.catalog.ListLessons({ course_id: fx.course.id }, f.student.auth);
    expect(forStudent.items.map((l) => l.id)).toEqual([fx.previewLessonId, fx.lessonId]);
    expect(forStudent.items.every((l) => l.content === '')).toBe(true);
    const outline = await f.catalog.GetCourseOutline({ course_id: fx.course.id }, ANONYMOUS);
    expect(outline.sections.map((s) => s.id)).toEqual([fx.sectionId]); // the empty section is not shown
    expect(outline.countable_lesson_ids).toEqual([fx.previewLessonId, fx.lessonId]);
    const forOwner = await f.catalog.ListLessons({ course_id: fx.course.id }, f.owner.auth);
    expect(forOwner.items.map((l) => l.id)).toEqual([fx.previewLessonId, fx.lessonId, fx.draftLessonId]);
    const preview = await f.catalog.GetLesson({ lesson_id: fx.previewLessonId }, ANONYMOUS);
    expect(preview.content).toBe('# Hello');
  });
});
