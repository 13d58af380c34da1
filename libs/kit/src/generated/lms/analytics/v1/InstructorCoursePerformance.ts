// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface InstructorCoursePerformance {
  'course_id'?: (string);
  'course_title'?: (string);
  'is_published'?: (boolean);
  'enrollments'?: (number);
  'active_students'?: (number);
  'completion_rate'?: (number | string);
  'average_rating'?: (_lms_analytics_v1_OptionalNumber | null);
  'revenue'?: (number | string);
  'currency'?: (string);
}

export interface InstructorCoursePerformance__Output {
  'course_id': (string);
  'course_title': (string);
  'is_published': (boolean);
  'enrollments': (number);
  'active_students': (number);
  'completion_rate': (number);
  'average_rating': (_lms_analytics_v1_OptionalNumber__Output | null);
  'revenue': (number);
  'currency': (string);
}
