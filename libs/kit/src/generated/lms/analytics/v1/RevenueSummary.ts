// Original file: protos/lms/analytics/v1/analytics.proto

import type { Money as _lms_analytics_v1_Money, Money__Output as _lms_analytics_v1_Money__Output } from '../../../lms/analytics/v1/Money';

export interface RevenueSummary {
  'total_by_currency'?: (_lms_analytics_v1_Money)[];
  'paid_enrollments'?: (number);
  'free_enrollments'?: (number);
}

export interface RevenueSummary__Output {
  'total_by_currency': (_lms_analytics_v1_Money__Output)[];
  'paid_enrollments': (number);
  'free_enrollments': (number);
}
