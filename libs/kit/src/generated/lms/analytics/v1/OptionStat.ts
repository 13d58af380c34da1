// Original file: protos/lms/analytics/v1/analytics.proto


export interface OptionStat {
  'option_id'?: (string);
  'option_text'?: (string);
  'is_correct'?: (boolean);
  'chosen'?: (number);
  'chosen_rate'?: (number | string);
}

export interface OptionStat__Output {
  'option_id': (string);
  'option_text': (string);
  'is_correct': (boolean);
  'chosen': (number);
  'chosen_rate': (number);
}
