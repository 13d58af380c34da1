import type { PdfDocument__Output } from '@lms/kit/generated/lms/analytics/v1/PdfDocument';
import type { StudentDashboard__Output } from '@lms/kit/generated/lms/analytics/v1/StudentDashboard';
import type { ProgressReport } from '@lms/kit/generated/lms/certificate/v1/ProgressReport';
import { remoteFailure, type AppError } from '@lms/kit/errors';
import { AnalyticsErrors } from '../../domain/analytics.errors';
import type { AnalyticsDeps } from '../deps';
import type { Caller } from './access';
import { getStudentDashboard } from './get-student-dashboard';

/** What the learner downloads their report as. */
export const PROGRESS_REPORT_FILENAME = 'my-progress.pdf';

/** Shown for a figure without data (no graded quiz yet), rather than a misleading 0 %. */
export const NO_DATA = '—';

/**
 * ExportStudentProgressPdf: the learner's dashboard (same access rule: "" = the caller, another learner only for
 * an admin) rendered as a PDF by the certificate service, which owns the renderer. Reads first, then the one
 * remote call; a renderer that cannot be reached is UNAVAILABLE (retryable), never a partial document.
 */
export async function exportStudentProgressPdf(
  deps: Pick<AnalyticsDeps, 'units' | 'clock' | 'certificate'>,
  caller: Caller,
  query: { studentId: string },
): Promise<PdfDocument__Output> {
  const dashboard = await getStudentDashboard(deps, caller, query);
  const report = progressReportOf(dashboard, deps.clock());
  try {
    const rendered = await deps.certificate.RenderProgressReport(report);
    return { content: rendered.content, filename: PROGRESS_REPORT_FILENAME };
  } catch (err) {
    throw renderFailure(err);
  }
}

/**
 * The renderer's answer in our terms: unreachable or failing → UNAVAILABLE; busy (RESOURCE_EXHAUSTED) keeps its
 * meaning (try later); any other refusal is about our request, not the caller's, so it is an internal error.
 */
function renderFailure(err: unknown): AppError {
  const failure = remoteFailure(err, AnalyticsErrors.reportRendererUnavailable);
  return failure.kind === 'unavailable' || failure.kind === 'resource_exhausted' ? failure : AnalyticsErrors.reportRenderRefused(failure);
}

const count = (n: number) => String(n);
const percentage = (n: number) => `${n} %`;
const hoursOf = (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'}`;

/**
 * The report the certificate service renders, from the learner's dashboard: the summary as label/value pairs
 * with their units (the renderer prints them as given), then every course, newest enrolment first. The
 * contract's per-course `average_quiz_score` is a plain number: a course without graded quizzes sends 0.
 */
export function progressReportOf(dashboard: StudentDashboard__Output, generatedAt: Date): ProgressReport {
  const s = dashboard.summary;
  const summary = s
    ? [
        { label: 'Courses enrolled', value: count(s.total_enrollments) },
        { label: 'Active courses', value: count(s.active_enrollments) },
        { label: 'Completed courses', value: count(s.completed_enrollments) },
        { label: 'Average progress (active courses)', value: percentage(s.average_progress) },
        { label: 'Time spent learning', value: hoursOf(s.total_time_hours) },
        { label: 'Lessons completed', value: count(s.total_lessons_completed) },
        { label: 'Quizzes taken', value: count(s.quizzes_taken) },
        { label: 'Quizzes passed', value: count(s.quizzes_passed) },
        { label: 'Average quiz score', value: s.average_quiz_score ? percentage(s.average_quiz_score.value) : NO_DATA },
      ]
    : [];
  return {
    student_name: dashboard.student_name,
    generated_at: generatedAt.toISOString(),
    summary,
    courses: dashboard.courses.map((c) => ({
      course_title: c.course_title,
      progress_percentage: c.progress_percentage,
      completed_lessons: c.completed_lessons,
      total_lessons: c.total_lessons,
      time_spent_hours: c.time_spent_hours,
      status: c.status,
      average_quiz_score: c.average_quiz_score?.value ?? 0,
    })),
    locale: '',
  };
}
