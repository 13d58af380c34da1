// Original file: protos/lms/analytics/v1/analytics.proto

import type { ItemStat as _lms_analytics_v1_ItemStat, ItemStat__Output as _lms_analytics_v1_ItemStat__Output } from '../../../lms/analytics/v1/ItemStat';

export interface QuizItemAnalysis {
  'quiz_id'?: (string);
  'quiz_title'?: (string);
  'course_id'?: (string);
  'attempts_analysed'?: (number);
  'items'?: (_lms_analytics_v1_ItemStat)[];
}

export interface QuizItemAnalysis__Output {
  'quiz_id': (string);
  'quiz_title': (string);
  'course_id': (string);
  'attempts_analysed': (number);
  'items': (_lms_analytics_v1_ItemStat__Output)[];
}
