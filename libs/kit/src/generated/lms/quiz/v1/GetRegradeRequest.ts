// Original file: protos/lms/quiz/v1/quiz.proto


export interface GetRegradeRequest {
  'quiz_id'?: (string);
  'regrade_id'?: (string);
}

export interface GetRegradeRequest__Output {
  'quiz_id': (string);
  'regrade_id': (string);
}
