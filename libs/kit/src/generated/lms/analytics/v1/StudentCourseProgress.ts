// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface StudentCourseProgress {
  'course_id'?: (string);
  'course_title'?: (string);
  'enrollment_id'?: (string);
  'status'?: (string);
  'enrollment_date'?: (string);
  'progress_percentage'?: (number | string);
  'completed_lessons'?: (number);
  'total_lessons'?: (number);
  'time_spent_hours'?: (number | string);
  'last_accessed'?: (string);
  'quizzes_completed'?: (number);
  'average_quiz_score'?: (_lms_analytics_v1_OptionalNumber | null);
  'estimated_completion_date'?: (string);
}

export interface StudentCourseProgress__Output {
  'course_id': (string);
  'course_title': (string);
  'enrollment_id': (string);
  'status': (string);
  'enrollment_date': (string);
  'progress_percentage': (number);
  'completed_lessons': (number);
  'total_lessons': (number);
  'time_spent_hours': (number);
  'last_accessed': (string);
  'quizzes_completed': (number);
  'average_quiz_score': (_lms_analytics_v1_OptionalNumber__Output | null);
  'estimated_completion_date': (string);
}
