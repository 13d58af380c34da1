// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface CourseStats {
  'course_id'?: (string);
  'course_title'?: (string);
  'total_enrollments'?: (number);
  'active_students'?: (number);
  'completed_students'?: (number);
  'completion_rate'?: (number | string);
  'average_progress'?: (number | string);
  'average_time_hours'?: (number | string);
  'average_rating'?: (_lms_analytics_v1_OptionalNumber | null);
  'total_reviews'?: (number);
  'lessons_count'?: (number);
  'quizzes_count'?: (number);
}

export interface CourseStats__Output {
  'course_id': (string);
  'course_title': (string);
  'total_enrollments': (number);
  'active_students': (number);
  'completed_students': (number);
  'completion_rate': (number);
  'average_progress': (number);
  'average_time_hours': (number);
  'average_rating': (_lms_analytics_v1_OptionalNumber__Output | null);
  'total_reviews': (number);
  'lessons_count': (number);
  'quizzes_count': (number);
}
