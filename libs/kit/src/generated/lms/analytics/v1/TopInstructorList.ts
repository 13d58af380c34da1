// Original file: protos/lms/analytics/v1/analytics.proto

import type { TopInstructor as _lms_analytics_v1_TopInstructor, TopInstructor__Output as _lms_analytics_v1_TopInstructor__Output } from '../../../lms/analytics/v1/TopInstructor';

export interface TopInstructorList {
  'data'?: (_lms_analytics_v1_TopInstructor)[];
}

export interface TopInstructorList__Output {
  'data': (_lms_analytics_v1_TopInstructor__Output)[];
}
