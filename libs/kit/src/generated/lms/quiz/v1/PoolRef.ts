// Original file: protos/lms/quiz/v1/quiz.proto


export interface PoolRef {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'pool_id'?: (string);
}

export interface PoolRef__Output {
  'course_id': (string);
  'quiz_id': (string);
  'pool_id': (string);
}
