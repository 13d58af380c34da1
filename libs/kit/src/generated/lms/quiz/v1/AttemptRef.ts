// Original file: protos/lms/quiz/v1/quiz.proto


export interface AttemptRef {
  'quiz_id'?: (string);
  'attempt_id'?: (string);
}

export interface AttemptRef__Output {
  'quiz_id': (string);
  'attempt_id': (string);
}
