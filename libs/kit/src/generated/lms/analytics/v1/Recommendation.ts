// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface Recommendation {
  'course_id'?: (string);
  'course_title'?: (string);
  'instructor_name'?: (string);
  'reason'?: (string);
  'students_in_common'?: (number);
  'enrollments'?: (number);
  'average_rating'?: (_lms_analytics_v1_OptionalNumber | null);
}

export interface Recommendation__Output {
  'course_id': (string);
  'course_title': (string);
  'instructor_name': (string);
  'reason': (string);
  'students_in_common': (number);
  'enrollments': (number);
  'average_rating': (_lms_analytics_v1_OptionalNumber__Output | null);
}
