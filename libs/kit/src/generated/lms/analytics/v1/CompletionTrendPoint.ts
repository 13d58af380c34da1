// Original file: protos/lms/analytics/v1/analytics.proto


export interface CompletionTrendPoint {
  'date'?: (string);
  'completions'?: (number);
  'total_completions'?: (number);
}

export interface CompletionTrendPoint__Output {
  'date': (string);
  'completions': (number);
  'total_completions': (number);
}
