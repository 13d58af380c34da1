import type { Enrollment__Output } from '@lms/kit/generated/lms/enrollment/v1/Enrollment';
import type { LessonProgress__Output } from '@lms/kit/generated/lms/enrollment/v1/LessonProgress';
import type { EnrollmentClient } from '@lms/kit/clients';
import {
  BulkEnrollBody,
  BulkEnrollmentJobSchema,
  CourseEnrollmentPageSchema,
  CourseEnrollmentParams,
  CourseEnrollmentStatsSchema,
  CourseEnrollmentsExportQuery,
  CourseEnrollmentsQuery,
  CsvSchema,
  EnrollBody,
  EnrollmentIdParams,
  EnrollmentLessonParams,
  EnrollmentProgressSchema,
  EnrollmentSchema,
  EnrollmentStatsSchema,
  ExtendBody,
  LessonProgressSchema,
  MyEnrollmentPageSchema,
  MyEnrollmentsQuery,
  ReviewBody,
  UpdateProgressBody,
} from '../openapi/enrollment.schemas';
import { csvLine } from '../presentation/csv';
import { presentFields } from '../presentation/fields';
import { pageOf } from '../presentation/lists';
import { aliasAt, route, type AnyRoute } from './route';

const API = '/api/v1';
const tags = ['Enrollments'];
const STUDENT = ['student'] as const;
/** Gateway-level role check; that the instructor owns the course is the enrollment service's decision. */
const COURSE_STAFF = ['instructor', 'admin'] as const;

/** int64 arrives as a decimal string (proto-loader `longs: String`); these counters are far below 2^53. */
function presentEnrollment(e: Enrollment__Output) {
  return { ...e, total_time_spent_seconds: Number(e.total_time_spent_seconds) };
}

type ProgressView = Awaited<ReturnType<EnrollmentClient['GetProgress']>>;
type CourseEnrollmentPage = Awaited<ReturnType<EnrollmentClient['ListCourseEnrollments']>>;

/** A course enrolment list's rows with each student's name and email (from the page's `students`). */
function withStudents(page: CourseEnrollmentPage) {
  const students = new Map(page.students.map((s) => [s.id, s]));
  return page.items.map((e) => ({
    ...presentEnrollment(e),
    student_name: students.get(e.student_id)?.full_name ?? '',
    student_email: students.get(e.student_id)?.email ?? '',
  }));
}

const CSV_COLUMNS = [
  'student_name',
  'student_email',
  'student_id',
  'enrollment_id',
  'status',
  'progress_percentage',
  'completed_lessons_count',
  'total_lessons_count',
  'enrolled_at',
  'last_accessed_at',
  'completed_at',
  'expires_at',
  'rating',
] as const;

function csvRow(row: ReturnType<typeof withStudents>[number]): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | number> = {
    student_name: row.student_name,
    student_email: row.student_email,
    student_id: row.student_id,
    enrollment_id: row.id,
    status: row.status,
    progress_percentage: row.progress_percentage,
    completed_lessons_count: row.completed_lessons_count,
    total_lessons_count: row.total_lessons_count,
    enrolled_at: row.enrolled_at,
    last_accessed_at: row.last_accessed_at,
    completed_at: row.completed_at,
    expires_at: row.expires_at,
    rating: row.rating || '',
  };
  return csvLine(CSV_COLUMNS, values);
}

/** Rows per ListCourseEnrollments call of the export (the service's maximum page size). */
const EXPORT_PAGE_SIZE = 100;

/** The seed code's per-enrolment statistics, computed from GetProgress (one call). */
function presentEnrollmentStats(view: ProgressView) {
  const e = view.enrollment!;
  const progress = view.lessons.map((l) => l.progress!);
  const titles = new Map(view.lessons.map((l) => [l.lesson_id, l.lesson_title]));
  const byStatus = { completed: 0, in_progress: 0, not_started: 0 };
  for (const p of progress) if (p.status in byStatus) byStatus[p.status as keyof typeof byStatus] += 1;
  const timed = progress.filter((p) => p.completed_at && p.started_at);
  const minutes = timed.map((p) => (Date.parse(p.completed_at) - Date.parse(p.started_at)) / 60_000);
  return {
    enrollment_id: e.id,
    course_id: e.course_id,
    student_id: e.student_id,
    progress_percentage: e.progress_percentage,
    completed_lessons: e.completed_lessons_count,
    total_lessons: e.total_lessons_count,
    time_spent_hours: Math.round((Number(e.total_time_spent_seconds) / 3600) * 100) / 100,
    lessons_by_status: byStatus,
    average_completion_time_minutes: timed.length ? Math.round((minutes.reduce((a, b) => a + b, 0) / timed.length) * 10) / 10 : null,
    recent_lessons: progress
      .filter((p) => p.last_accessed_at)
      .sort((a, b) => Date.parse(b.last_accessed_at) - Date.parse(a.last_accessed_at))
      .slice(0, 5)
      .map((p) => ({
        lesson_id: p.lesson_id,
        lesson_title: titles.get(p.lesson_id) ?? '',
        status: p.status,
        last_accessed: p.last_accessed_at,
        completion_percentage: p.completion_percentage,
      })),
    last_accessed_at: e.last_accessed_at,
  };
}

function presentProgress(p: LessonProgress__Output) {
  return { ...p, time_spent_seconds: Number(p.time_spent_seconds), last_position_seconds: Number(p.last_position_seconds) };
}

/**
 * Every row of the gateway README's "Enrolments and progress" table (seed rows 13-18 and the course side);
 * ownership, drip and access-expiry rules are checked by the service. Absent values become null through
 * the response schemas (enrollment.schemas.ts), lists are `{enrollments, total, page, page_size, total_pages}`.
 */
export function enrollmentRoutes(enrollment: EnrollmentClient): AnyRoute[] {
  const courseEnrollments = route({
    method: 'get',
    path: `${API}/courses/{course_id}/enrollments`,
    operationId: 'listCourseEnrollments',
    summary: "A course's enrolments (its instructor, admins): filter by status, sort by progress or last activity",
    tags,
    access: COURSE_STAFF,
    params: CourseEnrollmentParams,
    query: CourseEnrollmentsQuery,
    success: { status: 200, description: 'One page of enrolments', schema: CourseEnrollmentPageSchema },
    errors: [404],
    handle: async ({ params, query }) => {
      const page = await enrollment.ListCourseEnrollments({
        course_id: params.course_id,
        page: query.page,
        page_size: query.page_size,
        status: query.status ?? '',
        sort: query.sort,
        cursor: query.cursor ?? '',
      });
      return {
        ...pageOf('enrollments', { ...page, items: withStudents(page) }),
        next_cursor: page.next_cursor,
        student_details_degraded: page.student_details_degraded,
      };
    },
  });
  const exportEnrollments = route({
    method: 'get',
    path: `${API}/courses/{course_id}/enrollments/export`,
    operationId: 'exportCourseEnrollments',
    summary: "A course's enrolments as CSV, every row with the student's name and email (its instructor, admins)",
    description:
      'Same filter and order as the list, all rows (paged through keyset pages of 100, one auth call per page, streamed). ' +
      '`Content-Disposition: attachment`. Cells a spreadsheet would evaluate (starting with = + - @) are prefixed with a quote.',
    tags,
    access: COURSE_STAFF,
    params: CourseEnrollmentParams,
    query: CourseEnrollmentsExportQuery,
    success: { status: 200, description: 'The enrolments as CSV', schema: CsvSchema, contentType: 'text/csv' },
    errors: [404],
    handle: async ({ params, query, res }) => {
      const request = { course_id: params.course_id, page: 1, page_size: EXPORT_PAGE_SIZE, status: query.status ?? '', sort: query.sort };
      // The first page before any byte is sent: refusals (403/404) answer as JSON errors like the list.
      let page = await enrollment.ListCourseEnrollments({ ...request, cursor: '' });
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="course-${params.course_id}-enrollments.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.write(`${CSV_COLUMNS.join(',')}\r\n`);
      try {
        for (;;) {
          res.write(withStudents(page).map(csvRow).join(''));
          if (!page.next_cursor) break;
          page = await enrollment.ListCourseEnrollments({ ...request, cursor: page.next_cursor });
        }
      } catch (err) {
        // Headers are gone: a truncated download must not look complete.
        res.destroy(err instanceof Error ? err : new Error(String(err)));
        return undefined;
      }
      res.end();
      return undefined;
    },
  });
  return [
    route({
      method: 'post',
      path: `${API}/enrollments`,
      operationId: 'enroll',
      summary: 'Enrol the current student in a published course',
      description:
        'A dropped enrolment is re-activated with its history (same id). 404 unknown course, 409 already enrolled ' +
        '(`ENROLLMENT.ALREADY_EXISTS`) or course not open (`ENROLLMENT.COURSE_NOT_PUBLISHED`, `ENROLLMENT.COURSE_ARCHIVED`).',
      tags,
      access: STUDENT,
      idempotent: true,
      body: EnrollBody,
      success: { status: 201, description: 'The enrolment', schema: EnrollmentSchema },
      errors: [404, 409, 503],
      handle: async ({ body }) => presentEnrollment(await enrollment.Enroll({ course_id: body.course_id })),
    }),
    route({
      method: 'get',
      path: `${API}/enrollments/my-courses`,
      operationId: 'listMyEnrollments',
      summary: "The current student's enrolments with course title and thumbnail (newest first)",
      tags,
      access: STUDENT,
      query: MyEnrollmentsQuery,
      success: { status: 200, description: 'One page of enrolments', schema: MyEnrollmentPageSchema },
      handle: async ({ query }) => {
        const page = await enrollment.ListMyEnrollments({ page: query.page, page_size: query.page_size, status: query.status ?? '' });
        return {
          ...pageOf('enrollments', page, (item) => ({
            ...presentEnrollment(item.enrollment!),
            course: item.course ?? { id: item.enrollment!.course_id, title: '', thumbnail_url: '' },
            time_spent_hours: item.time_spent_hours,
          })),
          course_details_degraded: page.course_details_degraded,
        };
      },
    }),
    route({
      method: 'get',
      path: `${API}/enrollments/{enrollment_id}`,
      operationId: 'getEnrollment',
      summary: "One enrolment (its student, the course's instructor, admins; 404 for anyone else)",
      tags,
      access: 'authenticated',
      params: EnrollmentIdParams,
      success: { status: 200, description: 'The enrolment', schema: EnrollmentSchema },
      errors: [404],
      handle: async ({ params }) => presentEnrollment(await enrollment.GetEnrollment({ enrollment_id: params.enrollment_id })),
    }),
    route({
      method: 'delete',
      path: `${API}/enrollments/{enrollment_id}`,
      operationId: 'dropEnrollment',
      summary: 'Drop an enrolment (its student or an admin); idempotent, progress is kept',
      tags,
      access: 'authenticated',
      params: EnrollmentIdParams,
      success: { status: 200, description: 'The dropped enrolment', schema: EnrollmentSchema },
      errors: [404],
      handle: async ({ params }) => presentEnrollment(await enrollment.DropEnrollment({ enrollment_id: params.enrollment_id })),
    }),
    route({
      method: 'get',
      path: `${API}/enrollments/{enrollment_id}/progress`,
      operationId: 'getEnrollmentProgress',
      summary: 'Per-lesson progress of an enrolment, in course order, with locks (drip, prerequisites)',
      tags,
      access: 'authenticated',
      params: EnrollmentIdParams,
      success: { status: 200, description: 'The progress', schema: EnrollmentProgressSchema },
      errors: [404],
      handle: async ({ params }) => {
        const view = await enrollment.GetProgress({ enrollment_id: params.enrollment_id });
        return {
          enrollment: presentEnrollment(view.enrollment!),
          lessons: view.lessons.map((l) => ({ ...l, progress: presentProgress(l.progress!) })),
        };
      },
    }),
    route({
      method: 'get',
      path: `${API}/enrollments/{enrollment_id}/stats`,
      operationId: 'getEnrollmentStats',
      summary: 'Statistics of one enrolment: lessons by status, time, average completion time, recent lessons (seed code route)',
      tags,
      access: 'authenticated',
      params: EnrollmentIdParams,
      success: { status: 200, description: 'The statistics', schema: EnrollmentStatsSchema },
      errors: [404],
      handle: async ({ params }) => presentEnrollmentStats(await enrollment.GetProgress({ enrollment_id: params.enrollment_id })),
    }),
    route({
      method: 'put',
      path: `${API}/enrollments/{enrollment_id}/lessons/{lesson_id}/progress`,
      operationId: 'updateLessonProgress',
      summary: 'Record progress on a lesson: time added in bounded increments, position, percentage, notes',
      description:
        '`time_spent_seconds` is ADDED (0 to MAX_TIME_INCREMENT_SECONDS per call, else 422). Locked lessons: 409 ' +
        '`ENROLLMENT.LESSON_LOCKED` (with `unlock_at`) or `ENROLLMENT.PREREQUISITE_REQUIRED`. Access ended: 409 `ENROLLMENT.EXPIRED`.',
      tags,
      access: STUDENT,
      params: EnrollmentLessonParams,
      body: UpdateProgressBody,
      success: { status: 200, description: 'The lesson progress', schema: LessonProgressSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentProgress(
          await enrollment.UpdateLessonProgress({
            enrollment_id: params.enrollment_id,
            lesson_id: params.lesson_id,
            fields: presentFields(body),
            status: body.status ?? '',
            time_spent_seconds: body.time_spent_seconds ?? 0,
            last_position_seconds: body.last_position_seconds ?? 0,
            completion_percentage: body.completion_percentage ?? 0,
            notes: body.notes ?? '',
          }),
        ),
    }),
    route({
      method: 'post',
      path: `${API}/enrollments/{enrollment_id}/lessons/{lesson_id}/start`,
      operationId: 'startLesson',
      summary: 'Open a lesson (refused while it is locked)',
      tags,
      access: STUDENT,
      params: EnrollmentLessonParams,
      success: { status: 200, description: 'The lesson progress', schema: LessonProgressSchema },
      errors: [404, 409],
      handle: async ({ params }) =>
        presentProgress(await enrollment.StartLesson({ enrollment_id: params.enrollment_id, lesson_id: params.lesson_id })),
    }),
    route({
      method: 'post',
      path: `${API}/enrollments/{enrollment_id}/lessons/{lesson_id}/complete`,
      operationId: 'completeLesson',
      summary: 'Mark a lesson completed (idempotent); the course progress is updated at once',
      description: 'Quiz lessons complete when their quiz is passed (409 `ENROLLMENT.QUIZ_REQUIRED`).',
      tags,
      access: STUDENT,
      params: EnrollmentLessonParams,
      success: { status: 200, description: 'The lesson progress', schema: LessonProgressSchema },
      errors: [404, 409],
      handle: async ({ params }) =>
        presentProgress(await enrollment.CompleteLesson({ enrollment_id: params.enrollment_id, lesson_id: params.lesson_id })),
    }),
    route({
      method: 'post',
      path: `${API}/enrollments/{enrollment_id}/review`,
      operationId: 'reviewEnrollment',
      summary: 'Rate (1-5) and review the course (the enrolled student, past the minimum progress)',
      tags,
      access: STUDENT,
      params: EnrollmentIdParams,
      body: ReviewBody,
      success: { status: 200, description: 'The enrolment with its review', schema: EnrollmentSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentEnrollment(await enrollment.ReviewEnrollment({ enrollment_id: params.enrollment_id, rating: body.rating, review: body.review ?? '' })),
    }),
    route({
      method: 'post',
      path: `${API}/enrollments/{enrollment_id}/extend`,
      operationId: 'extendEnrollment',
      summary: "Extend a student's access to the course (the course's instructor, admins); an expired enrolment becomes active",
      description:
        'Body `{days}` (1-3650, added to the current end of access, or to now when it has passed) or `{expires_at}` (RFC 3339, ' +
        'in the future). A lifetime enrolment takes only `expires_at` (409 `ENROLLMENT.LIFETIME_ACCESS`). Another instructor: 404; ' +
        'the student: 403.',
      tags,
      access: COURSE_STAFF,
      params: EnrollmentIdParams,
      body: ExtendBody,
      success: { status: 200, description: 'The enrolment with its new end of access', schema: EnrollmentSchema },
      errors: [404, 409],
      handle: async ({ params, body }) =>
        presentEnrollment(
          await enrollment.ExtendEnrollment({ enrollment_id: params.enrollment_id, days: body.days ?? 0, expires_at: body.expires_at ?? '' }),
        ),
    }),
    exportEnrollments,
    courseEnrollments,
    aliasAt(courseEnrollments, `${API}/enrollments/courses/{course_id}/enrollments`, 'listCourseEnrollmentsSeedPath'),
    route({
      method: 'post',
      path: `${API}/courses/{course_id}/enrollments/bulk`,
      operationId: 'bulkEnroll',
      summary: 'Enrol many students by id or email (its instructor, admins): a job with one result per row',
      description:
        'Results of user id rows: enrolled, already_enrolled, unknown_user, invalid. Every well-formed email row reports accepted (whether the address has an account is not revealed; the enrolled students appear in the course enrolment list), malformed ones invalid; the counts cover id rows only. Re-running the same list enrols nobody twice.',
      tags,
      access: COURSE_STAFF,
      strictLimit: 'bulk_enroll',
      idempotent: true,
      params: CourseEnrollmentParams,
      body: BulkEnrollBody,
      success: { status: 201, description: 'The finished job', schema: BulkEnrollmentJobSchema },
      errors: [404, 409, 503],
      handle: ({ params, body }) =>
        enrollment.BulkEnroll({ course_id: params.course_id, user_ids: body.user_ids ?? [], emails: body.emails ?? [] }),
    }),
    route({
      method: 'get',
      path: `${API}/courses/{course_id}/stats`,
      operationId: 'getCourseEnrollmentStats',
      summary: 'Enrolment counts by status, completion rate, average progress and rating (its instructor, admins)',
      tags,
      access: COURSE_STAFF,
      params: CourseEnrollmentParams,
      success: { status: 200, description: 'Statistics', schema: CourseEnrollmentStatsSchema },
      errors: [404],
      handle: ({ params }) => enrollment.GetCourseStats({ course_id: params.course_id }),
    }),
  ];
}
