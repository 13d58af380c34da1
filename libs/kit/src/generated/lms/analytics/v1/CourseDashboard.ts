// Original file: protos/lms/analytics/v1/analytics.proto

import type { CourseStats as _lms_analytics_v1_CourseStats, CourseStats__Output as _lms_analytics_v1_CourseStats__Output } from '../../../lms/analytics/v1/CourseStats';
import type { CourseEngagement as _lms_analytics_v1_CourseEngagement, CourseEngagement__Output as _lms_analytics_v1_CourseEngagement__Output } from '../../../lms/analytics/v1/CourseEngagement';
import type { LessonPerformance as _lms_analytics_v1_LessonPerformance, LessonPerformance__Output as _lms_analytics_v1_LessonPerformance__Output } from '../../../lms/analytics/v1/LessonPerformance';
import type { QuizPerformance as _lms_analytics_v1_QuizPerformance, QuizPerformance__Output as _lms_analytics_v1_QuizPerformance__Output } from '../../../lms/analytics/v1/QuizPerformance';
import type { EnrollmentTrendPoint as _lms_analytics_v1_EnrollmentTrendPoint, EnrollmentTrendPoint__Output as _lms_analytics_v1_EnrollmentTrendPoint__Output } from '../../../lms/analytics/v1/EnrollmentTrendPoint';
import type { CompletionTrendPoint as _lms_analytics_v1_CompletionTrendPoint, CompletionTrendPoint__Output as _lms_analytics_v1_CompletionTrendPoint__Output } from '../../../lms/analytics/v1/CompletionTrendPoint';

export interface CourseDashboard {
  'course_id'?: (string);
  'course_title'?: (string);
  'stats'?: (_lms_analytics_v1_CourseStats | null);
  'engagement'?: (_lms_analytics_v1_CourseEngagement | null);
  'lessons'?: (_lms_analytics_v1_LessonPerformance)[];
  'quizzes'?: (_lms_analytics_v1_QuizPerformance)[];
  'enrollment_trend'?: (_lms_analytics_v1_EnrollmentTrendPoint)[];
  'completion_trend'?: (_lms_analytics_v1_CompletionTrendPoint)[];
}

export interface CourseDashboard__Output {
  'course_id': (string);
  'course_title': (string);
  'stats': (_lms_analytics_v1_CourseStats__Output | null);
  'engagement': (_lms_analytics_v1_CourseEngagement__Output | null);
  'lessons': (_lms_analytics_v1_LessonPerformance__Output)[];
  'quizzes': (_lms_analytics_v1_QuizPerformance__Output)[];
  'enrollment_trend': (_lms_analytics_v1_EnrollmentTrendPoint__Output)[];
  'completion_trend': (_lms_analytics_v1_CompletionTrendPoint__Output)[];
}
