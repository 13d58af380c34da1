// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface CourseStudentRow {
  'student_id'?: (string);
  'student_name'?: (string);
  'enrollment_id'?: (string);
  'status'?: (string);
  'enrolled_at'?: (string);
  'progress_percentage'?: (number | string);
  'completed_lessons'?: (number);
  'total_lessons'?: (number);
  'time_spent_hours'?: (number | string);
  'last_activity_at'?: (string);
  'completed_at'?: (string);
  'quizzes_taken'?: (number);
  'quizzes_passed'?: (number);
  'average_quiz_score'?: (_lms_analytics_v1_OptionalNumber | null);
}

export interface CourseStudentRow__Output {
  'student_id': (string);
  'student_name': (string);
  'enrollment_id': (string);
  'status': (string);
  'enrolled_at': (string);
  'progress_percentage': (number);
  'completed_lessons': (number);
  'total_lessons': (number);
  'time_spent_hours': (number);
  'last_activity_at': (string);
  'completed_at': (string);
  'quizzes_taken': (number);
  'quizzes_passed': (number);
  'average_quiz_score': (_lms_analytics_v1_OptionalNumber__Output | null);
}
