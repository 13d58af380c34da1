// Original file: protos/lms/analytics/v1/analytics.proto

import type { EnrollmentTrendPoint as _lms_analytics_v1_EnrollmentTrendPoint, EnrollmentTrendPoint__Output as _lms_analytics_v1_EnrollmentTrendPoint__Output } from '../../../lms/analytics/v1/EnrollmentTrendPoint';

export interface EnrollmentTrendSeries {
  'data'?: (_lms_analytics_v1_EnrollmentTrendPoint)[];
}

export interface EnrollmentTrendSeries__Output {
  'data': (_lms_analytics_v1_EnrollmentTrendPoint__Output)[];
}
