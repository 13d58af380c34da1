// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface StudentProgressSummary {
  'student_id'?: (string);
  'student_name'?: (string);
  'total_enrollments'?: (number);
  'active_enrollments'?: (number);
  'completed_enrollments'?: (number);
  'average_progress'?: (number | string);
  'total_time_hours'?: (number | string);
  'total_lessons_completed'?: (number);
  'quizzes_taken'?: (number);
  'quizzes_passed'?: (number);
  'average_quiz_score'?: (_lms_analytics_v1_OptionalNumber | null);
}

export interface StudentProgressSummary__Output {
  'student_id': (string);
  'student_name': (string);
  'total_enrollments': (number);
  'active_enrollments': (number);
  'completed_enrollments': (number);
  'average_progress': (number);
  'total_time_hours': (number);
  'total_lessons_completed': (number);
  'quizzes_taken': (number);
  'quizzes_passed': (number);
  'average_quiz_score': (_lms_analytics_v1_OptionalNumber__Output | null);
}
