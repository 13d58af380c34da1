// Original file: protos/lms/analytics/v1/analytics.proto

import type { FunnelStep as _lms_analytics_v1_FunnelStep, FunnelStep__Output as _lms_analytics_v1_FunnelStep__Output } from '../../../lms/analytics/v1/FunnelStep';

export interface LessonFunnel {
  'course_id'?: (string);
  'course_title'?: (string);
  'total_enrollments'?: (number);
  'inactivity_days'?: (number);
  'steps'?: (_lms_analytics_v1_FunnelStep)[];
}

export interface LessonFunnel__Output {
  'course_id': (string);
  'course_title': (string);
  'total_enrollments': (number);
  'inactivity_days': (number);
  'steps': (_lms_analytics_v1_FunnelStep__Output)[];
}
