// Original file: protos/lms/analytics/v1/analytics.proto

import type { AtRiskStudent as _lms_analytics_v1_AtRiskStudent, AtRiskStudent__Output as _lms_analytics_v1_AtRiskStudent__Output } from '../../../lms/analytics/v1/AtRiskStudent';

export interface AtRiskPage {
  'course_id'?: (string);
  'total'?: (number);
  'students'?: (_lms_analytics_v1_AtRiskStudent)[];
}

export interface AtRiskPage__Output {
  'course_id': (string);
  'total': (number);
  'students': (_lms_analytics_v1_AtRiskStudent__Output)[];
}
