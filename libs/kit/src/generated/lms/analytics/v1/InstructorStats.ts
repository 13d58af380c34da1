// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';
import type { Money as _lms_analytics_v1_Money, Money__Output as _lms_analytics_v1_Money__Output } from '../../../lms/analytics/v1/Money';

export interface InstructorStats {
  'instructor_id'?: (string);
  'instructor_name'?: (string);
  'total_courses'?: (number);
  'published_courses'?: (number);
  'total_students'?: (number);
  'total_enrollments'?: (number);
  'average_course_rating'?: (_lms_analytics_v1_OptionalNumber | null);
  'total_reviews'?: (number);
  'total_revenue'?: (number | string);
  'revenue_currency'?: (string);
  'revenue_by_currency'?: (_lms_analytics_v1_Money)[];
}

export interface InstructorStats__Output {
  'instructor_id': (string);
  'instructor_name': (string);
  'total_courses': (number);
  'published_courses': (number);
  'total_students': (number);
  'total_enrollments': (number);
  'average_course_rating': (_lms_analytics_v1_OptionalNumber__Output | null);
  'total_reviews': (number);
  'total_revenue': (number);
  'revenue_currency': (string);
  'revenue_by_currency': (_lms_analytics_v1_Money__Output)[];
}
