import { isAppError, NotFoundError, type Logger } from '@lms/kit';
import type { Caller } from '@lms/kit/auth';
import type { CallOptions } from '@lms/kit/grpc';
import type { Course__Output } from '@lms/kit/generated/lms/catalog/v1/Course';
import type { CoursePage__Output } from '@lms/kit/generated/lms/catalog/v1/CoursePage';
import type { CourseOutline__Output } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';
import type { Lesson__Output } from '@lms/kit/generated/lms/catalog/v1/Lesson';
import type { CatalogClient, EnrollmentClient } from '@lms/kit/clients';
import { validationError } from '../errors/http-errors';
import { presentFields } from '../presentation/fields';
import { listOf, pageOf } from '../presentation/lists';
import {
  CategoryListSchema,
  centsToPrice,
  CourseIdParams,
  CourseLessonParams,
  CourseListSchema,
  CourseOutlineSchema,
  CoursePageSchema,
  CourseSchema,
  CreateCourseBody,
  CreateLessonBody,
  CreateSectionBody,
  LessonDetailSchema,
  LessonIdParams,
  LessonListSchema,
  LessonSchema,
  ListCoursesQuery,
  InstructorIdParams,
  MoveLessonBody,
  MyCoursesQuery,
  priceToCents,
  ReorderBody,
  SectionParams,
  SectionSchema,
  SlugParams,
  TopCoursesQuery,
  UpdateCourseBody,
  UpdateLessonBody,
  UpdateSectionBody,
} from '../openapi/catalog.schemas';
import type { z } from 'zod';
import { route, type AnyRoute } from './route';

const API = '/api/v1';
const COURSES = ['Courses'];
const SECTIONS = ['Sections'];
const LESSONS = ['Lessons'];
/** Gateway-level role check for every write; ownership is the catalog service's decision. */
const AUTHORS = ['instructor', 'admin'] as const;

/**
 * On routes open to anonymous callers the token is forwarded only once verified (`caller` set); an
 * anonymous call says so explicitly, so nothing unverified ever reaches the service.
 */
function identity(caller: Caller | undefined): CallOptions {
  return caller ? {} : { authorization: '' };
}

/**
 * A course as the seed documents it: `price` in major units next to the service's minor units (int64
 * arrives as a decimal string, proto-loader `longs: String`; prices are far below 2^53), the seed's
 * `total_reviews` and `estimated_duration_hours` (one decimal). Absent values become null by the schema.
 */
export function presentCourse(course: Course__Output) {
  const cents = Number(course.price_cents);
  return {
    ...course,
    price: centsToPrice(cents),
    price_cents: cents,
    total_reviews: course.rating_count,
    estimated_duration_hours: Math.round(course.estimated_duration_minutes / 6) / 10,
    instructor: course.instructor ?? null,
  };
}

/** The catalog request of a public list: `include_unpublished` only for an instructor or an admin asking for it. */
function listCoursesRequest(query: z.infer<typeof ListCoursesQuery>, caller: Caller | undefined) {
  return {
    page: query.page,
    page_size: query.page_size,
    category: query.category || '',
    difficulty_level: query.difficulty_level ?? '',
    language: query.language ?? '',
    instructor_id: query.instructor_id ?? '',
    min_price_cents: query.min_price === undefined ? -1 : priceToCents(query.min_price),
    max_price_cents: query.max_price === undefined ? -1 : priceToCents(query.max_price),
    is_free: query.is_free ?? '',
    search: query.search ?? '',
    sort: query.sort ?? '',
    include_unpublished: query.include_unpublished === 'true' && (caller?.role === 'instructor' || caller?.role === 'admin'),
  };
}

function presentPage(page: CoursePage__Output) {
  return pageOf('courses', page, presentCourse);
}

function presentCourses(list: { items: Course__Output[] }) {
  return listOf('courses', list.items, presentCourse);
}

/**
 * Create/update bodies: the public `price` (major units) becomes the service's `price_cents`; the
 * deprecated `price_cents` alias passes as it is (the schema refuses both at once).
 */
function moneyFields<B extends { price?: number; price_cents?: number }>(body: B): Omit<B, 'price'> & { price_cents?: number } {
  const { price, ...rest } = body;
  return price === undefined ? rest : { ...rest, price_cents: priceToCents(price) };
}

/** Body keys → the service's `fields` (the public `price` is the service's `price_cents`). */
function courseFields(body: Record<string, unknown>): string[] {
  return presentFields(body).map((f) => (f === 'price' ? 'price_cents' : f));
}

/**
 * A lesson as answered: its attachments with their download route (relative to the API origin: the gateway
 * does not know its public URL; the route checks who may read the file — anyone who may read the lesson) and
 * sizes as numbers (int64 arrives as a decimal string; files are far below 2^53). `video_file_id` "" → null
 * by the schema.
 */
export function presentLesson<L extends Pick<Lesson__Output, 'attachments' | 'video_file_id'>>(lesson: L) {
  return {
    ...lesson,
    video_file_id: lesson.video_file_id ?? '',
    attachments: (lesson.attachments ?? []).map((a) => ({
      ...a,
      file_size: Number(a.file_size),
      download_url: `${API}/files/download/${a.file_id}`,
    })),
  };
}

/** An outline (or its sections) with each lesson presented (`presentLesson`). */
function presentOutline<O extends Pick<CourseOutline__Output, 'sections'>>(outline: O) {
  return { ...outline, sections: outline.sections.map((s) => ({ ...s, lessons: s.lessons.map(presentLesson) })) };
}

/**
 * The flat lesson list of seed row 10: every section as an entry `{id, title, is_section: true,
 * order_index, lessons_count}` followed by its lessons (`is_section: false`, content omitted), in course
 * order; `total` counts the lessons only. Sections and lessons are what the caller may see (the outline).
 */
export function presentLessonList(outline: Pick<CourseOutline__Output, 'sections'>) {
  const entries: Record<string, unknown>[] = [];
  let lessons = 0;
  for (const section of outline.sections) {
    entries.push({ id: section.id, title: section.title, is_section: true, order_index: section.order_index, lessons_count: section.lessons.length });
    for (const lesson of section.lessons) {
      const { content: _content, ...rest } = presentLesson(lesson);
      entries.push({ ...rest, is_section: false });
      lessons += 1;
    }
  }
  return listOf('lessons', entries, (e) => e, lessons);
}

/**
 * The enrolled student's progress on one lesson, or undefined when not enrolled. The lesson itself is
 * served even when the enrollment service can't answer: its progress flags then read false, and the
 * failure is logged (warn, with the request id) so an outage or a bug here is never silent.
 */
async function learnerProgress(enrollment: EnrollmentClient, courseId: string, lessonId: string, logger?: Logger) {
  try {
    const enrolled = await enrollment.IsEnrolled({ course_id: courseId, student_id: '' });
    if (!enrolled.enrolled || !enrolled.enrollment_id) return undefined;
    const progress = await enrollment.GetProgress({ enrollment_id: enrolled.enrollment_id });
    return progress.lessons.find((l) => l.lesson_id === lessonId);
  } catch (err) {
    logger?.warn({ err, course_id: courseId, lesson_id: lessonId }, 'lesson progress unavailable; lesson served without progress flags');
    return undefined;
  }
}

/**
 * Catalog refuses the content of a lesson that is locked for the enrolled student (`CATALOG.LESSON_LOCKED`,
 * decided by the enrollment service): the public answer is the lesson's outline entry from the caller's own
 * lesson list, without `content`, `video_url` and `resources`, with the lock's facts from the error's meta.
 * Any other error is not ours (undefined).
 */
async function lockedLessonEntry(catalog: CatalogClient, err: unknown, lessonId: string, options: CallOptions) {
  if (!isAppError(err) || err.code !== 'CATALOG.LESSON_LOCKED' || typeof err.meta?.course_id !== 'string') return undefined;
  const list = await catalog.ListLessons({ course_id: err.meta.course_id }, options);
  const entry = list.items.find((l) => l.id === lessonId);
  if (!entry) return undefined;
  const lock = {
    unlock_at: typeof err.meta.unlock_at === 'string' ? err.meta.unlock_at : '',
    lock_reason: typeof err.meta.lock_reason === 'string' ? err.meta.lock_reason : 'unknown_lesson',
  };
  return { lesson: withoutContent(entry), list, lock };
}

/** A lesson the caller may not open: its outline entry only. */
function withoutContent(lesson: Lesson__Output): Lesson__Output {
  return { ...lesson, content: '', video_url: '', resources: [], video_file_id: '', attachments: [] };
}

/** Previous/next lesson ids in the course order (sections in order, lessons in order within each); null when none. */
export function neighbours(
  ordered: Pick<Lesson__Output, 'id'>[],
  lessonId: string,
): { previous_lesson_id: string | null; next_lesson_id: string | null } {
  const i = ordered.findIndex((l) => l.id === lessonId);
  if (i < 0) return { previous_lesson_id: null, next_lesson_id: null };
  return { previous_lesson_id: ordered[i - 1]?.id ?? null, next_lesson_id: ordered[i + 1]?.id ?? null };
}

/**
 * Section RPCs take only the section id; the REST path also names the course, so a section of another
 * course is a 404 here — checked before the write, with the caller's own view of the outline.
 */
async function assertSectionInCourse(catalog: CatalogClient, courseId: string, sectionId: string): Promise<void> {
  const outline = await catalog.GetCourseOutline({ course_id: courseId });
  if (!outline.sections.some((s) => s.id === sectionId)) throw new NotFoundError('Section not found in this course', 'CATALOG.SECTION_NOT_FOUND');
}

/**
 * The seed's code mounts its lesson routes under the course (`/courses/{course_id}/lessons/{lesson_id}…`)
 * while its documentation uses `/lessons/{lesson_id}…`: both are served. The nested form is an alias of
 * the flat route that first checks, in the caller's own view of the outline, that the lesson belongs to
 * that course (404 otherwise, as the seed does).
 */
function nestedLessonAliases(catalog: CatalogClient, flat: AnyRoute[]): AnyRoute[] {
  return flat.map(
    (def): AnyRoute => ({
      ...def,
      path: def.path.replace(`${API}/lessons/{lesson_id}`, `${API}/courses/{course_id}/lessons/{lesson_id}`),
      operationId: `${def.operationId}InCourse`,
      summary: `${def.summary} — the same under its course (the seed's code path)`,
      params: CourseLessonParams,
      errors: [...new Set([...(def.errors ?? []), 404])],
      handle: async (input) => {
        const { course_id: courseId, lesson_id: lessonId } = input.params as { course_id: string; lesson_id: string };
        const outline = await catalog.GetCourseOutline({ course_id: courseId }, identity(input.caller));
        if (!outline.sections.some((s) => s.lessons.some((l) => l.id === lessonId))) {
          throw new NotFoundError('Lesson not found in this course', 'CATALOG.LESSON_NOT_FOUND');
        }
        return def.handle({ ...input, params: { lesson_id: lessonId } });
      },
    }),
  );
}

export function courseRoutes(catalog: CatalogClient, enrollment?: EnrollmentClient, logger?: Logger): AnyRoute[] {
  const oneLesson: AnyRoute[] = [
    route({
      method: 'post',
      path: `${API}/lessons/{lesson_id}/reorder`,
      operationId: 'moveLesson',
      summary: 'Move one lesson to a position within its section (owner or admin)',
      description:
        'The lessons in between shift by one; positions stay contiguous from 0; an index past the end moves ' +
        'it to the end. Atomic, and serialised with every other change to the course (bulk reorders included).',
      tags: LESSONS,
      access: AUTHORS,
      params: LessonIdParams,
      body: MoveLessonBody,
      success: { status: 200, description: 'The moved lesson, with its new order_index', schema: LessonSchema },
      errors: [404],
      handle: async ({ params, body }) => {
        if (body.lesson_id !== undefined && body.lesson_id.toLowerCase() !== params.lesson_id.toLowerCase()) {
          throw validationError([{ loc: ['body', 'lesson_id'], msg: 'Must be the lesson_id of the path' }]);
        }
        return presentLesson(await catalog.MoveLesson({ lesson_id: params.lesson_id, new_order_index: body.new_order_index }));
      },
    }),
    route({
      method: 'get',
      path: `${API}/lessons/{lesson_id}`,
      operationId: 'getLesson',
      summary: 'One lesson with its content, and the previous/next lesson ids',
      description:
        'The owner and admins see every lesson; students enrolled in the course see its published lessons, ' +
        'with `is_completed` and `is_locked` from their progress — a lesson **locked** for them (drip date not ' +
        'reached, prerequisite not completed; the enrollment service decides) is its outline entry only: ' +
        '`is_locked: true`, `lock_reason`, `unlock_at` (when the drip rules open it for them), no `content`, ' +
        '`video_url` or `resources`; anyone who may see the course sees its published preview lessons. ' +
        'Drafts are 404; other lessons 403 `CATALOG.ENROLLMENT_REQUIRED`; 503 `CATALOG.LESSON_ACCESS_UNAVAILABLE` ' +
        'when a lesson with drip/prerequisite rules cannot be checked (fail closed).',
      tags: LESSONS,
      access: 'optional',
      params: LessonIdParams,
      success: { status: 200, description: 'The lesson', schema: LessonDetailSchema },
      errors: [404],
      handle: async ({ params, caller }) => {
        let lesson: Lesson__Output;
        let locked: Awaited<ReturnType<typeof lockedLessonEntry>>;
        try {
          lesson = await catalog.GetLesson({ lesson_id: params.lesson_id }, identity(caller));
        } catch (err) {
          locked = await lockedLessonEntry(catalog, err, params.lesson_id, identity(caller));
          if (!locked) throw err;
          lesson = locked.lesson;
        }
        const [list, progress] = await Promise.all([
          locked?.list ?? catalog.ListLessons({ course_id: lesson.course_id }, identity(caller)),
          caller?.role === 'student' && enrollment ? learnerProgress(enrollment, lesson.course_id, lesson.id, logger) : undefined,
        ]);
        // Catalog decided (locked), or the student's progress says locked (a rule catalog has not seen yet): no
        // content — except on a preview lesson, which is public (its drip gates only the progress writes).
        const isLocked = Boolean(locked) || (progress?.is_locked ?? false);
        const shown = isLocked && !lesson.is_preview ? withoutContent(lesson) : lesson;
        const unlockAt = locked?.lock.unlock_at || progress?.unlock_at || lesson.unlock_at;
        let lockReason = locked?.lock.lock_reason ?? '';
        if (!locked && progress?.is_locked) lockReason = progress.unlock_at && Date.parse(progress.unlock_at) > Date.now() ? 'drip' : 'prerequisite';
        return {
          ...presentLesson(shown),
          ...neighbours(list.items, lesson.id),
          unlock_at: unlockAt,
          is_completed: progress?.progress?.status === 'completed',
          is_locked: isLocked,
          lock_reason: lockReason,
        };
      },
    }),
    route({
      method: 'put',
      path: `${API}/lessons/{lesson_id}`,
      operationId: 'updateLesson',
      summary: 'Update a lesson (partial; owner or admin); `section_id` moves it to the end of that section',
      tags: LESSONS,
      access: AUTHORS,
      params: LessonIdParams,
      body: UpdateLessonBody,
      success: { status: 200, description: 'The updated lesson', schema: LessonSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentLesson(await catalog.UpdateLesson({ ...body, lesson_id: params.lesson_id, fields: presentFields(body) })),
    }),
    route({
      method: 'delete',
      path: `${API}/lessons/{lesson_id}`,
      operationId: 'deleteLesson',
      summary: 'Delete a lesson (owner or admin)',
      tags: LESSONS,
      access: AUTHORS,
      params: LessonIdParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await catalog.DeleteLesson({ lesson_id: params.lesson_id });
      },
    }),
    ...(
      [
        ['publish', 'publishLesson', 'Publish a lesson (owner or admin)', 'PublishLesson'],
        ['unpublish', 'unpublishLesson', 'Unpublish a lesson (owner or admin)', 'UnpublishLesson'],
      ] as const
    ).map(([action, operationId, summary, rpc]) =>
      route({
        method: 'post',
        path: `${API}/lessons/{lesson_id}/${action}`,
        operationId,
        summary,
        tags: LESSONS,
        access: AUTHORS,
        params: LessonIdParams,
        success: { status: 200, description: 'The lesson', schema: LessonSchema },
        errors: [404, 409],
        handle: async ({ params }) => presentLesson(await catalog[rpc]({ lesson_id: params.lesson_id })),
      }),
    ),
  ];

  return [
    // ------------------------------------------------------------------ courses: fixed paths first,
    // so `categories`, `popular`, `top-rated`, `my/courses` and `slug/…` are never taken for an id.
    route({
      method: 'get',
      path: `${API}/courses`,
      operationId: 'listCourses',
      summary: 'List courses (filter, search, sort, paginate)',
      description:
        'Anonymous callers and students see published, non-archived courses. With a bearer token and ' +
        '`include_unpublished=true`, instructors also see their own drafts and admins see every course. ' +
        'Prices are major units with at most two decimals (`min_price`/`max_price` inclusive, e.g. 49.99). ' +
        'A page beyond the end is an empty page.',
      tags: COURSES,
      access: 'optional',
      query: ListCoursesQuery,
      success: { status: 200, description: 'One page of courses', schema: CoursePageSchema },
      // Everything the answer depends on is the catalog request; a widened one (drafts) is never shared.
      edgeCache: ({ query, caller }) => {
        const request = listCoursesRequest(query, caller);
        return request.include_unpublished ? undefined : JSON.stringify(request);
      },
      handle: async ({ query, caller, onCacheHint }) => {
        const request = listCoursesRequest(query, caller);
        if (request.min_price_cents >= 0 && request.max_price_cents >= 0 && request.min_price_cents > request.max_price_cents) {
          throw validationError([{ loc: ['query', 'min_price'], msg: 'Must not be greater than max_price' }]);
        }
        return presentPage(await catalog.ListCourses(request, { ...identity(caller), onCacheHint }));
      },
    }),
    route({
      method: 'get',
      path: `${API}/courses/categories`,
      operationId: 'listCourseCategories',
      summary: 'Categories in use, with the number of published courses in each',
      tags: COURSES,
      access: 'public',
      success: { status: 200, description: 'Categories', schema: CategoryListSchema },
      edgeCache: () => '',
      handle: async ({ onCacheHint }) => listOf('categories', (await catalog.ListCategories({}, { authorization: '', onCacheHint })).items),
    }),
    route({
      method: 'get',
      path: `${API}/courses/popular`,
      operationId: 'listPopularCourses',
      summary: 'The most enrolled published courses',
      tags: COURSES,
      access: 'public',
      query: TopCoursesQuery,
      success: { status: 200, description: 'Courses, most popular first', schema: CourseListSchema },
      edgeCache: ({ query }) => JSON.stringify([query.limit, query.category || '']),
      handle: async ({ query, onCacheHint }) =>
        presentCourses(await catalog.ListPopularCourses({ limit: query.limit, category: query.category || '' }, { authorization: '', onCacheHint })),
    }),
    route({
      method: 'get',
      path: `${API}/courses/top-rated`,
      operationId: 'listTopRatedCourses',
      summary: 'The best rated published courses',
      tags: COURSES,
      access: 'public',
      query: TopCoursesQuery,
      success: { status: 200, description: 'Courses, best rated first', schema: CourseListSchema },
      edgeCache: ({ query }) => JSON.stringify([query.limit, query.category || '']),
      handle: async ({ query, onCacheHint }) =>
        presentCourses(await catalog.ListTopRatedCourses({ limit: query.limit, category: query.category || '' }, { authorization: '', onCacheHint })),
    }),
    route({
      method: 'get',
      path: `${API}/courses/my/courses`,
      operationId: 'listMyCourses',
      summary: 'Your own courses (instructors; admins who author courses), drafts and archived ones included',
      tags: COURSES,
      access: AUTHORS,
      query: MyCoursesQuery,
      success: { status: 200, description: 'One page of your courses', schema: CoursePageSchema },
      handle: async ({ query }) =>
        presentPage(await catalog.ListMyCourses({ page: query.page, page_size: query.page_size, status: query.status ?? '' })),
    }),
    route({
      method: 'get',
      path: `${API}/courses/slug/{slug}`,
      operationId: 'getCourseBySlug',
      summary: 'One course by its slug',
      description: 'Published courses for everyone; drafts only for their owner and admins (others get 404).',
      tags: COURSES,
      access: 'optional',
      params: SlugParams,
      success: { status: 200, description: 'The course', schema: CourseSchema },
      errors: [404],
      // Catalog hints only a publicly visible course, which it answers alike to everyone (drafts are never hinted).
      edgeCache: ({ params }) => params.slug,
      handle: async ({ params, caller, onCacheHint }) =>
        presentCourse(await catalog.GetCourseBySlug({ slug: params.slug }, { ...identity(caller), onCacheHint })),
    }),
    route({
      method: 'get',
      path: `${API}/courses/{course_id}`,
      operationId: 'getCourse',
      summary: 'One course, with its instructor {id, full_name, bio}',
      description: 'Published courses for everyone; drafts only for their owner and admins (others get 404).',
      tags: COURSES,
      access: 'optional',
      params: CourseIdParams,
      success: { status: 200, description: 'The course', schema: CourseSchema },
      errors: [404],
      // Catalog hints only a publicly visible course, which it answers alike to everyone (drafts are never hinted).
      edgeCache: ({ params }) => params.course_id.toLowerCase(),
      handle: async ({ params, caller, onCacheHint }) =>
        presentCourse(await catalog.GetCourse({ course_id: params.course_id }, { ...identity(caller), onCacheHint })),
    }),
    route({
      method: 'post',
      path: `${API}/courses`,
      operationId: 'createCourse',
      summary: 'Create a course (a draft: is_published false)',
      tags: COURSES,
      access: AUTHORS,
      idempotent: true,
      body: CreateCourseBody,
      success: { status: 201, description: 'The new course', schema: CourseSchema },
      errors: [409],
      handle: async ({ body }) =>
        presentCourse(
          await catalog.CreateCourse({
            ...moneyFields(body),
            slug: body.slug ?? '',
            instructor_id: body.instructor_id ?? '',
          }),
        ),
    }),
    route({
      method: 'put',
      path: `${API}/courses/{course_id}`,
      operationId: 'updateCourse',
      summary: 'Update a course (partial; owner or admin)',
      tags: COURSES,
      access: AUTHORS,
      params: CourseIdParams,
      body: UpdateCourseBody,
      success: { status: 200, description: 'The updated course', schema: CourseSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentCourse(await catalog.UpdateCourse({ ...moneyFields(body), course_id: params.course_id, fields: courseFields(body) })),
    }),
    route({
      method: 'delete',
      path: `${API}/courses/{course_id}`,
      operationId: 'deleteCourse',
      summary: 'Delete a course (owner or admin) — only while nothing depends on it, else 409: archive it instead',
      tags: COURSES,
      access: AUTHORS,
      params: CourseIdParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await catalog.DeleteCourse({ course_id: params.course_id });
      },
    }),
    ...(
      [
        ['publish', 'publishCourse', 'Publish a course (needs at least one published lesson, else 409 with the reason)', 'PublishCourse'],
        ['unpublish', 'unpublishCourse', 'Unpublish a course (back to draft)', 'UnpublishCourse'],
        ['archive', 'archiveCourse', 'Archive a course: hidden from the catalogue, kept for enrolled learners', 'ArchiveCourse'],
        ['unarchive', 'unarchiveCourse', 'Restore an archived course as a draft (unpublished): publish it again to reopen enrolment', 'UnarchiveCourse'],
      ] as const
    ).map(([action, operationId, summary, rpc]) =>
      route({
        method: 'post',
        path: `${API}/courses/{course_id}/${action}`,
        operationId,
        summary,
        tags: COURSES,
        access: AUTHORS,
        params: CourseIdParams,
        success: { status: 200, description: 'The course', schema: CourseSchema },
        errors: [404, 409],
        handle: async ({ params }) => presentCourse(await catalog[rpc]({ course_id: params.course_id })),
      }),
    ),

    // ------------------------------------------------------------------ sections
    route({
      method: 'get',
      path: `${API}/courses/{course_id}/sections`,
      operationId: 'getCourseOutline',
      summary: 'The course outline: sections in order, each with its lessons in order (content omitted)',
      description: 'For everyone who may see the course (published: everyone; draft or archived: owner, admins and enrolled students).',
      tags: SECTIONS,
      access: 'optional',
      params: CourseIdParams,
      success: { status: 200, description: 'The outline', schema: CourseOutlineSchema },
      errors: [404],
      handle: async ({ params, caller }) => presentOutline(await catalog.GetCourseOutline({ course_id: params.course_id }, identity(caller))),
    }),
    route({
      method: 'post',
      path: `${API}/courses/{course_id}/sections`,
      operationId: 'createSection',
      summary: 'Add a section at the end of the course (owner or admin)',
      tags: SECTIONS,
      access: AUTHORS,
      params: CourseIdParams,
      body: CreateSectionBody,
      success: { status: 201, description: 'The new section', schema: SectionSchema },
      errors: [404],
      handle: ({ params, body }) =>
        catalog.CreateSection({ course_id: params.course_id, title: body.title, description: body.description ?? '' }),
    }),
    route({
      method: 'put',
      path: `${API}/courses/{course_id}/sections/{section_id}`,
      operationId: 'updateSection',
      summary: 'Update a section (partial; owner or admin)',
      tags: SECTIONS,
      access: AUTHORS,
      params: SectionParams,
      body: UpdateSectionBody,
      success: { status: 200, description: 'The updated section', schema: SectionSchema },
      errors: [404],
      handle: async ({ params, body }) => {
        await assertSectionInCourse(catalog, params.course_id, params.section_id);
        return catalog.UpdateSection({ ...body, section_id: params.section_id, fields: presentFields(body) });
      },
    }),
    route({
      method: 'delete',
      path: `${API}/courses/{course_id}/sections/{section_id}`,
      operationId: 'deleteSection',
      summary: 'Delete a section (owner or admin) — only when it has no lessons, else 409',
      tags: SECTIONS,
      access: AUTHORS,
      params: SectionParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await assertSectionInCourse(catalog, params.course_id, params.section_id);
        await catalog.DeleteSection({ section_id: params.section_id });
      },
    }),

    // ------------------------------------------------------------------ lessons of a course
    route({
      method: 'get',
      path: `${API}/courses/{course_id}/lessons`,
      operationId: 'listCourseLessons',
      summary: "The course's sections and lessons as one flat ordered list (content omitted)",
      description:
        'Each section is an entry `{id, title, is_section: true, order_index, lessons_count}` followed by its ' +
        'lessons (`is_section: false`), in course order; `total` is the number of lessons. Non-owners see ' +
        'published lessons and the sections that have one.',
      tags: LESSONS,
      access: 'optional',
      params: CourseIdParams,
      success: { status: 200, description: 'Sections and lessons in course order', schema: LessonListSchema },
      errors: [404],
      handle: async ({ params, caller }) =>
        presentLessonList(await catalog.GetCourseOutline({ course_id: params.course_id }, identity(caller))),
    }),
    route({
      method: 'post',
      path: `${API}/courses/{course_id}/lessons`,
      operationId: 'createLesson',
      summary: 'Add a lesson (owner or admin); a draft until published',
      tags: LESSONS,
      access: AUTHORS,
      params: CourseIdParams,
      body: CreateLessonBody,
      success: { status: 201, description: 'The new lesson', schema: LessonSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentLesson(await catalog.CreateLesson({ ...body, course_id: params.course_id, fields: presentFields(body) })),
    }),
    route({
      method: 'post',
      path: `${API}/courses/{course_id}/lessons/reorder`,
      operationId: 'reorderLessons',
      summary: 'Reorder sections and lessons in one atomic call (owner or admin)',
      description:
        'The body is the complete new order. Lessons may move between sections. A missing, duplicated or ' +
        'foreign id is refused (422); concurrent reorders never leave duplicate or missing positions.',
      tags: LESSONS,
      access: AUTHORS,
      params: CourseIdParams,
      body: ReorderBody,
      success: { status: 200, description: 'The new outline', schema: CourseOutlineSchema },
      errors: [404, 409],
      handle: async ({ params, body }) => presentOutline(await catalog.ReorderLessons({ course_id: params.course_id, sections: body.sections })),
    }),

    // ------------------------------------------------------------------ the seed's code-only admin listing
    route({
      method: 'get',
      path: `${API}/courses/instructor/{instructor_id}/courses`,
      operationId: 'listInstructorCourses',
      summary: "An instructor's courses in every state (admin) — the seed's code path; same as GET /courses?instructor_id=…&include_unpublished=true",
      tags: COURSES,
      access: ['admin'],
      params: InstructorIdParams,
      query: MyCoursesQuery.pick({ page: true, page_size: true }),
      success: { status: 200, description: 'One page of the instructor\'s courses', schema: CoursePageSchema },
      handle: async ({ params, query }) =>
        presentPage(
          await catalog.ListCourses({
            page: query.page,
            page_size: query.page_size,
            instructor_id: params.instructor_id,
            min_price_cents: -1,
            max_price_cents: -1,
            include_unpublished: true,
          }),
        ),
    }),

    // ------------------------------------------------------------------ one lesson (and the same under its course)
    ...oneLesson,
    ...nestedLessonAliases(catalog, oneLesson),
  ];
}
