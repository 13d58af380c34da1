// Original file: protos/lms/analytics/v1/analytics.proto


export interface QuizRequest {
  'quiz_id'?: (string);
}

export interface QuizRequest__Output {
  'quiz_id': (string);
}
