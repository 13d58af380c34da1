// Original file: protos/lms/analytics/v1/analytics.proto

import type { PopularCourse as _lms_analytics_v1_PopularCourse, PopularCourse__Output as _lms_analytics_v1_PopularCourse__Output } from '../../../lms/analytics/v1/PopularCourse';

export interface PopularCourseList {
  'data'?: (_lms_analytics_v1_PopularCourse)[];
}

export interface PopularCourseList__Output {
  'data': (_lms_analytics_v1_PopularCourse__Output)[];
}
