// Original file: protos/lms/analytics/v1/analytics.proto

import type { RiskReason as _lms_analytics_v1_RiskReason, RiskReason__Output as _lms_analytics_v1_RiskReason__Output } from '../../../lms/analytics/v1/RiskReason';

export interface AtRiskStudent {
  'student_id'?: (string);
  'student_name'?: (string);
  'enrollment_id'?: (string);
  'progress_percentage'?: (number | string);
  'cohort_median_progress'?: (number | string);
  'days_enrolled'?: (number);
  'days_inactive'?: (number);
  'last_activity_at'?: (string);
  'risk_score'?: (number | string);
  'reasons'?: (_lms_analytics_v1_RiskReason)[];
}

export interface AtRiskStudent__Output {
  'student_id': (string);
  'student_name': (string);
  'enrollment_id': (string);
  'progress_percentage': (number);
  'cohort_median_progress': (number);
  'days_enrolled': (number);
  'days_inactive': (number);
  'last_activity_at': (string);
  'risk_score': (number);
  'reasons': (_lms_analytics_v1_RiskReason__Output)[];
}
