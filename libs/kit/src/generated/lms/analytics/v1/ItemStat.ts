// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';
import type { OptionStat as _lms_analytics_v1_OptionStat, OptionStat__Output as _lms_analytics_v1_OptionStat__Output } from '../../../lms/analytics/v1/OptionStat';

export interface ItemStat {
  'question_id'?: (string);
  'question_text'?: (string);
  'question_type'?: (string);
  'answered'?: (number);
  'correct'?: (number);
  'difficulty'?: (number | string);
  'discrimination'?: (_lms_analytics_v1_OptionalNumber | null);
  'options'?: (_lms_analytics_v1_OptionStat)[];
}

export interface ItemStat__Output {
  'question_id': (string);
  'question_text': (string);
  'question_type': (string);
  'answered': (number);
  'correct': (number);
  'difficulty': (number);
  'discrimination': (_lms_analytics_v1_OptionalNumber__Output | null);
  'options': (_lms_analytics_v1_OptionStat__Output)[];
}
