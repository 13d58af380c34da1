// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';

export interface LessonPerformance {
  'lesson_id'?: (string);
  'lesson_title'?: (string);
  'position'?: (number);
  'completion_rate'?: (number | string);
  'average_time_spent'?: (number | string);
  'students_started'?: (number);
  'students_completed'?: (number);
  'average_completion_time'?: (_lms_analytics_v1_OptionalNumber | null);
}

export interface LessonPerformance__Output {
  'lesson_id': (string);
  'lesson_title': (string);
  'position': (number);
  'completion_rate': (number);
  'average_time_spent': (number);
  'students_started': (number);
  'students_completed': (number);
  'average_completion_time': (_lms_analytics_v1_OptionalNumber__Output | null);
}
