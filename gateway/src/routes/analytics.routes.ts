import type { Response } from 'express';
import type { AnalyticsClient } from '@lms/kit/clients';
import {
  AtRiskPageSchema,
  AtRiskQuery,
  COURSE_EXPORT_COLUMNS,
  CourseDashboardSchema,
  CourseExportQuery,
  CourseIdParams,
  CourseStudentRowSchema,
  CourseStudentsCsvSchema,
  CourseStudentsJsonSchema,
  DaysQuery,
  EnrollmentTrendSeriesSchema,
  FunnelQuery,
  InstructorDashboardSchema,
  InstructorIdParams,
  LessonFunnelSchema,
  LimitQuery,
  MY_PROGRESS_COLUMNS,
  MyProgressCsvSchema,
  MyProgressExportQuery,
  MyProgressJsonSchema,
  PopularCourseListSchema,
  QuizIdParams,
  QuizItemAnalysisSchema,
  StudentCourseProgressSchema,
  StudentDashboardSchema,
  StudentIdParams,
  StudentProgressSummarySchema,
  SystemDashboardSchema,
  TopInstructorListSchema,
  UserGrowthSeriesSchema,
} from '../openapi/analytics.schemas';
import { csvLine, writeChunk } from '../presentation/csv';
import { toPublic } from '../presentation/public-shape';
import { PdfSchema } from '../openapi/certificates.schemas';
import { sendPdf } from './certificates.routes';
import { route, type AnyRoute } from './route';

const API = '/api/v1/analytics';
const tags = ['Analytics'];
const ADMIN = ['admin'] as const;
/** Gateway-level role check; that the instructor owns the course (or quiz) is the analytics service's decision. */
const COURSE_STAFF = ['instructor', 'admin'] as const;

/** Rows per ExportCourseStudents call of a streamed export (the service's default page). */
export const EXPORT_PAGE_SIZE = 500;

type Cell = string | number | null | undefined;
type Row<C extends string> = Record<C, Cell>;

/** A filename-safe form of an id taken from the (already validated) path. */
const safeName = (id: string) => id.replace(/[^A-Za-z0-9-]/g, '');

function startDownload(res: Response, format: 'csv' | 'json', filename: string): void {
  res.status(200);
  res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * API.md "Analytics" and the issue-13 table: learner, course, instructor and system dashboards, the course
 * reports beyond the seed (funnel, at-risk learners, quiz item analysis) and the exports. The gateway checks
 * the role where the role alone decides (system and other-user routes: admins; course routes: staff); the
 * analytics service checks ownership (another instructor's course is 403, an unknown one 404). Absent figures
 * become null through the response schemas (analytics.schemas.ts).
 */
/** `renderDeadlineMs`: the deadline of the my-progress PDF (rendered by the certificate service behind analytics). */
export function analyticsRoutes(analytics: AnalyticsClient, options: { renderDeadlineMs?: number } = {}): AnyRoute[] {
  const exportCourseStudents = route({
    method: 'get',
    path: `${API}/export/course/{course_id}/students`,
    operationId: 'exportCourseStudents',
    summary: "Every student of a course with progress, time and quiz scores, as CSV or JSON (the course's instructor, admins)",
    description:
      'Streamed (chunked) as the analytics service pages through the course (keyset pages of 500): a course of any size is never held ' +
      'in memory. `Content-Disposition: attachment; filename="course-<id>-students.csv|json"`. CSV: RFC 4180, header row first, empty ' +
      "cell = null; a cell starting with = + - @, TAB or CR is prefixed with ' (formula injection). JSON: one object " +
      '`{"course_id", "course_title", "students": [...]}` written row by row. Refusals (403 another instructor\'s course, 404 unknown) ' +
      'answer as usual errors; a failure after the first byte cuts the connection without the final empty chunk, so HTTP clients ' +
      'and browsers report the download as failed (JSON also lacks its closing `]}`), never a silently short file.',
    tags,
    access: COURSE_STAFF,
    params: CourseIdParams,
    query: CourseExportQuery,
    success: {
      status: 200,
      description: 'The students (text/csv or, with format=json, application/json)',
      schema: CourseStudentsCsvSchema,
      contentType: 'text/csv',
      alternatives: [{ contentType: 'application/json', schema: CourseStudentsJsonSchema }],
    },
    errors: [403, 404],
    handle: async ({ params, query, res }) => {
      const request = { course_id: params.course_id, limit: EXPORT_PAGE_SIZE };
      // The first page before any byte is sent: refusals (403/404) and outages answer as JSON errors.
      let page = await analytics.ExportCourseStudents({ ...request, after: '' });
      const csv = query.format === 'csv';
      startDownload(res, query.format, `course-${safeName(params.course_id)}-students`);
      const head = csv
        ? `${COURSE_EXPORT_COLUMNS.join(',')}\r\n`
        : `{"course_id":${JSON.stringify(page.course_id || params.course_id)},"course_title":${JSON.stringify(page.course_title)},"students":[`;
      let written = 0;
      try {
        if (!(await writeChunk(res, head))) return undefined;
        for (;;) {
          const rows = page.rows.map((r) => toPublic(CourseStudentRowSchema, r) as Row<(typeof COURSE_EXPORT_COLUMNS)[number]>);
          const chunk = csv
            ? rows.map((r) => csvLine(COURSE_EXPORT_COLUMNS, r)).join('')
            : rows.map((r, i) => `${written + i > 0 ? ',' : ''}${JSON.stringify(r)}`).join('');
          written += rows.length;
          if (!(await writeChunk(res, chunk))) return undefined; // the client went away: stop paging
          if (!page.next_cursor) break;
          page = await analytics.ExportCourseStudents({ ...request, after: page.next_cursor });
        }
      } catch (err) {
        // Headers are gone: a truncated download must not look complete.
        res.destroy(err instanceof Error ? err : new Error(String(err)));
        return undefined;
      }
      res.end(csv ? '' : ']}');
      return undefined;
    },
  });

  const exportMyProgress = route({
    method: 'get',
    path: `${API}/export/my-progress`,
    operationId: 'exportMyProgress',
    summary: "The caller's progress, one row per enrolment, as CSV (default), JSON or a PDF report",
    description:
      '`Content-Disposition: attachment; filename="my-progress.csv|json|pdf"`. `format=pdf` (the seed\'s default): an A4 report ' +
      '(summary and one row per course) rendered by the certificate service; 503 when it is unavailable. CSV cells are quoted as ' +
      'RFC 4180 and formula-like cells are prefixed with \'.',
    tags,
    access: 'authenticated',
    query: MyProgressExportQuery,
    success: {
      status: 200,
      description: 'The progress report (text/csv or, with format=json, application/json)',
      schema: MyProgressCsvSchema,
      contentType: 'text/csv',
      alternatives: [
        { contentType: 'application/json', schema: MyProgressJsonSchema },
        { contentType: 'application/pdf', schema: PdfSchema },
      ],
    },
    errors: [503],
    handle: async ({ query, res }) => {
      if (query.format === 'pdf') {
        const pdf = await analytics.ExportStudentProgressPdf({ student_id: '' }, { deadlineMs: options.renderDeadlineMs });
        sendPdf(res, pdf.content, 'my-progress.pdf', false);
        return undefined;
      }
      const dashboard = await analytics.GetStudentDashboard({ student_id: '' });
      startDownload(res, query.format, 'my-progress');
      if (query.format === 'json') {
        const report = { student_id: dashboard.student_id, student_name: dashboard.student_name, summary: dashboard.summary, courses: dashboard.courses };
        res.end(JSON.stringify(toPublic(MyProgressJsonSchema, report)));
        return undefined;
      }
      const rows = dashboard.courses.map((c) => toPublic(StudentCourseProgressSchema, c) as Row<(typeof MY_PROGRESS_COLUMNS)[number]>);
      res.end(`${MY_PROGRESS_COLUMNS.join(',')}\r\n${rows.map((r) => csvLine(MY_PROGRESS_COLUMNS, r)).join('')}`);
      return undefined;
    },
  });

  return [
    // ------------------------------------------------------------------------------------ learner
    route({
      method: 'get',
      path: `${API}/my-progress`,
      operationId: 'getMyProgress',
      summary: "The caller's progress summary: enrolments, average progress, time, lessons, quizzes (seed row 27)",
      tags,
      access: 'authenticated',
      success: { status: 200, description: 'The summary', schema: StudentProgressSummarySchema },
      handle: () => analytics.GetStudentSummary({ student_id: '' }),
    }),
    route({
      method: 'get',
      path: `${API}/my-dashboard`,
      operationId: 'getMyDashboard',
      summary: "The caller's dashboard: summary, every course, 30 days of activity, achievements, recommendations (seed row 28)",
      tags,
      access: 'authenticated',
      success: { status: 200, description: 'The dashboard', schema: StudentDashboardSchema },
      handle: () => analytics.GetStudentDashboard({ student_id: '' }),
    }),
    route({
      method: 'get',
      path: `${API}/students/{student_id}/dashboard`,
      operationId: 'getStudentDashboard',
      summary: "Any student's dashboard (admins)",
      description: 'The same shape as my-dashboard. An id the analytics read model has never seen answers an empty dashboard.',
      tags,
      access: ADMIN,
      params: StudentIdParams,
      success: { status: 200, description: 'The dashboard', schema: StudentDashboardSchema },
      errors: [404],
      handle: ({ params }) => analytics.GetStudentDashboard({ student_id: params.student_id }),
    }),

    // ------------------------------------------------------------------------------------ course
    route({
      method: 'get',
      path: `${API}/courses/{course_id}`,
      operationId: 'getCourseAnalytics',
      summary: 'Course analytics: stats, engagement, lessons, quizzes, 30-day trends (the course owner, admins; seed row 29)',
      description: "Ownership is enforced (the seed left it a TODO): another instructor's course is 403, an unknown course 404.",
      tags,
      access: COURSE_STAFF,
      params: CourseIdParams,
      success: { status: 200, description: 'The course dashboard', schema: CourseDashboardSchema },
      errors: [404],
      handle: ({ params }) => analytics.GetCourseDashboard({ course_id: params.course_id }),
    }),
    route({
      method: 'get',
      path: `${API}/courses/{course_id}/funnel`,
      operationId: 'getLessonFunnel',
      summary: 'Lesson funnel and drop-off: for each published lesson in course order, learners who reached, completed and stopped there',
      description: 'The course owner, admins. `inactivity_days` (default 14): a learner silent this long stopped at the last lesson touched.',
      tags,
      access: COURSE_STAFF,
      params: CourseIdParams,
      query: FunnelQuery,
      success: { status: 200, description: 'The funnel', schema: LessonFunnelSchema },
      errors: [404],
      handle: ({ params, query }) => analytics.GetLessonFunnel({ course_id: params.course_id, inactivity_days: query.inactivity_days }),
    }),
    route({
      method: 'get',
      path: `${API}/courses/{course_id}/at-risk`,
      operationId: 'getAtRiskStudents',
      summary: 'At-risk learners of a course with their reasons (inactive, behind the cohort median, repeated quiz failure, never started)',
      description: 'The course owner, admins. Highest risk first; `total` counts every learner with a reason.',
      tags,
      access: COURSE_STAFF,
      params: CourseIdParams,
      query: AtRiskQuery,
      success: { status: 200, description: 'The learners at risk', schema: AtRiskPageSchema },
      errors: [404],
      handle: ({ params, query }) =>
        analytics.GetAtRiskStudents({ course_id: params.course_id, inactivity_days: query.inactivity_days, limit: query.limit }),
    }),
    route({
      method: 'get',
      path: `${API}/quizzes/{quiz_id}/items`,
      operationId: 'getQuizItemAnalysis',
      summary: 'Quiz item analysis: per question difficulty, discrimination (point-biserial) and how often each option was chosen',
      description: "The owner of the quiz's course, admins; over the quiz's graded attempts.",
      tags,
      access: COURSE_STAFF,
      params: QuizIdParams,
      success: { status: 200, description: 'The item analysis', schema: QuizItemAnalysisSchema },
      errors: [404],
      handle: ({ params }) => analytics.GetQuizItemAnalysis({ quiz_id: params.quiz_id }),
    }),

    // ------------------------------------------------------------------------------------ instructor
    route({
      method: 'get',
      path: `${API}/my-instructor-dashboard`,
      operationId: 'getMyInstructorDashboard',
      summary: "The caller's instructor dashboard: totals, per-course performance, recent enrolments and reviews, feedback",
      description: 'Revenue is the list price at enrolment time summed over enrolments: there is no payment system.',
      tags,
      access: COURSE_STAFF,
      success: { status: 200, description: 'The instructor dashboard', schema: InstructorDashboardSchema },
      handle: () => analytics.GetInstructorDashboard({ instructor_id: '' }),
    }),
    route({
      method: 'get',
      path: `${API}/instructors/{instructor_id}/dashboard`,
      operationId: 'getInstructorDashboard',
      summary: "Any instructor's dashboard (admins)",
      tags,
      access: ADMIN,
      params: InstructorIdParams,
      success: { status: 200, description: 'The instructor dashboard', schema: InstructorDashboardSchema },
      errors: [404],
      handle: ({ params }) => analytics.GetInstructorDashboard({ instructor_id: params.instructor_id }),
    }),

    // ------------------------------------------------------------------------------------ system
    route({
      method: 'get',
      path: `${API}/system/overview`,
      operationId: 'getSystemDashboard',
      summary: 'System dashboard: overview, 30-day user growth and enrolment trend, popular courses, top instructors, revenue (admins; seed row 30)',
      tags,
      access: ADMIN,
      success: { status: 200, description: 'The system dashboard', schema: SystemDashboardSchema },
      handle: () => analytics.GetSystemDashboard({}),
    }),
    route({
      method: 'get',
      path: `${API}/system/user-growth`,
      operationId: 'getUserGrowth',
      summary: 'Daily sign-ups and running total of users (admins)',
      tags,
      access: ADMIN,
      query: DaysQuery,
      success: { status: 200, description: '`{"data": [...]}`, oldest day first', schema: UserGrowthSeriesSchema },
      handle: ({ query }) => analytics.GetUserGrowth({ days: query.days }),
    }),
    route({
      method: 'get',
      path: `${API}/system/enrollment-trend`,
      operationId: 'getEnrollmentTrend',
      summary: 'Daily enrolments and running total (admins)',
      tags,
      access: ADMIN,
      query: DaysQuery,
      success: { status: 200, description: '`{"data": [...]}`, oldest day first', schema: EnrollmentTrendSeriesSchema },
      handle: ({ query }) => analytics.GetEnrollmentTrend({ days: query.days }),
    }),
    route({
      method: 'get',
      path: `${API}/system/popular-courses`,
      operationId: 'getPopularCourses',
      summary: 'Most popular published courses by enrolments with access (admins)',
      tags,
      access: ADMIN,
      query: LimitQuery,
      success: { status: 200, description: '`{"data": [...]}`', schema: PopularCourseListSchema },
      handle: ({ query }) => analytics.GetPopularCourses({ limit: query.limit }),
    }),
    route({
      method: 'get',
      path: `${API}/system/top-instructors`,
      operationId: 'getTopInstructors',
      summary: 'Top instructors by distinct students (admins)',
      tags,
      access: ADMIN,
      query: LimitQuery,
      success: { status: 200, description: '`{"data": [...]}`', schema: TopInstructorListSchema },
      handle: ({ query }) => analytics.GetTopInstructors({ limit: query.limit }),
    }),

    // ------------------------------------------------------------------------------------ exports
    exportCourseStudents,
    exportMyProgress,
  ];
}
