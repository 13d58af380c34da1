// Original file: protos/lms/analytics/v1/analytics.proto


export interface DifficultQuestion {
  'question_id'?: (string);
  'question_text'?: (string);
  'answered'?: (number);
  'success_rate'?: (number | string);
}

export interface DifficultQuestion__Output {
  'question_id': (string);
  'question_text': (string);
  'answered': (number);
  'success_rate': (number);
}
