import type { UnaryHandlers } from '@lms/kit/grpc';
import type { AnalyticsServiceDefinition } from '@lms/kit/generated/lms/analytics/v1/AnalyticsService';
import { UnavailableError } from '@lms/kit/errors';
import type { AnalyticsDeps } from '../app/deps';

const METHODS = [
  'GetStudentSummary', 'GetStudentDashboard', 'GetCourseDashboard', 'GetLessonFunnel', 'GetAtRiskStudents',
  'GetQuizItemAnalysis', 'ExportCourseStudents', 'GetInstructorDashboard', 'GetSystemDashboard', 'GetUserGrowth',
  'GetEnrollmentTrend', 'GetPopularCourses', 'GetTopInstructors',
] as const;

/** Placeholder until the queries land. */
export function analyticsHandlers(_deps: AnalyticsDeps): UnaryHandlers<AnalyticsServiceDefinition> {
  const notYet = () => Promise.reject(new UnavailableError('not implemented yet'));
  return Object.fromEntries(METHODS.map((m) => [m, notYet])) as unknown as UnaryHandlers<AnalyticsServiceDefinition>;
}
