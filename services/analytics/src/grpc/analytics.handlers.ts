import type { UnaryHandlers } from '@lms/kit/grpc';
import type { AnalyticsServiceDefinition } from '@lms/kit/generated/lms/analytics/v1/AnalyticsService';
import type { AnalyticsDeps } from '../app/deps';
import { authenticate } from '../app/queries/access';
import { exportCourseStudents } from '../app/queries/export-course-students';
import { exportStudentProgressPdf } from '../app/queries/export-student-progress-pdf';
import { getAtRiskStudents } from '../app/queries/get-at-risk-students';
import { getCourseDashboard } from '../app/queries/get-course-dashboard';
import { getInstructorDashboard } from '../app/queries/get-instructor-dashboard';
import { getLessonFunnel } from '../app/queries/get-lesson-funnel';
import { getQuizItemAnalysis } from '../app/queries/get-quiz-item-analysis';
import { getStudentDashboard } from '../app/queries/get-student-dashboard';
import { getStudentSummary } from '../app/queries/get-student-summary';
import {
  getEnrollmentTrend,
  getPopularCourses,
  getSystemDashboard,
  getTopInstructors,
  getUserGrowth,
} from '../app/queries/get-system-figures';

/**
 * The AnalyticsService over gRPC: every RPC is a query (it only reads, through `deps.units.read`): verify the
 * caller, call the query with the request's fields, return its reply. ExportStudentProgressPdf also asks the
 * certificate service to render what it read. Access rules and validation live in the
 * queries (src/app/queries/access.ts, src/domain/validation.ts).
 */
export function analyticsHandlers(deps: AnalyticsDeps): UnaryHandlers<AnalyticsServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  return {
    GetStudentSummary: async (req, call) => getStudentSummary(deps, await caller(call.authorization), { studentId: req.student_id }),
    GetStudentDashboard: async (req, call) => getStudentDashboard(deps, await caller(call.authorization), { studentId: req.student_id }),
    ExportStudentProgressPdf: async (req, call) => exportStudentProgressPdf(deps, await caller(call.authorization), { studentId: req.student_id }),
    GetCourseDashboard: async (req, call) => getCourseDashboard(deps, await caller(call.authorization), { courseId: req.course_id }),
    GetLessonFunnel: async (req, call) =>
      getLessonFunnel(deps, await caller(call.authorization), { courseId: req.course_id, inactivityDays: req.inactivity_days }),
    GetAtRiskStudents: async (req, call) =>
      getAtRiskStudents(deps, await caller(call.authorization), { courseId: req.course_id, inactivityDays: req.inactivity_days, limit: req.limit }),
    GetQuizItemAnalysis: async (req, call) => getQuizItemAnalysis(deps, await caller(call.authorization), { quizId: req.quiz_id }),
    ExportCourseStudents: async (req, call) =>
      exportCourseStudents(deps, await caller(call.authorization), { courseId: req.course_id, after: req.after, limit: req.limit }),
    GetInstructorDashboard: async (req, call) => getInstructorDashboard(deps, await caller(call.authorization), { instructorId: req.instructor_id }),
    GetSystemDashboard: async (_req, call) => getSystemDashboard(deps, await caller(call.authorization)),
    GetUserGrowth: async (req, call) => ({ data: await getUserGrowth(deps, await caller(call.authorization), { days: req.days }) }),
    GetEnrollmentTrend: async (req, call) => ({ data: await getEnrollmentTrend(deps, await caller(call.authorization), { days: req.days }) }),
    GetPopularCourses: async (req, call) => ({ data: await getPopularCourses(deps, await caller(call.authorization), { limit: req.limit }) }),
    GetTopInstructors: async (req, call) => ({ data: await getTopInstructors(deps, await caller(call.authorization), { limit: req.limit }) }),
  };
}
