// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface PopularCourse {
  'course_id'?: (string);
  'course_title'?: (string);
  'instructor_name'?: (string);
  'enrollments'?: (number);
  'rating'?: (_lms_analytics_v1_OptionalNumber | null);
  'completion_rate'?: (number | string);
}

export interface PopularCourse__Output {
  'course_id': (string);
  'course_title': (string);
  'instructor_name': (string);
  'enrollments': (number);
  'rating': (_lms_analytics_v1_OptionalNumber__Output | null);
  'completion_rate': (number);
}
