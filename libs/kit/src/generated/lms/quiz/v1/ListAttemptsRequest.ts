// Original file: protos/lms/quiz/v1/quiz.proto


export interface ListAttemptsRequest {
  'quiz_id'?: (string);
  'page'?: (number);
  'page_size'?: (number);
  'status'?: (string);
  'student_id'?: (string);
}

export interface ListAttemptsRequest__Output {
  'quiz_id': (string);
  'page': (number);
  'page_size': (number);
  'status': (string);
  'student_id': (string);
}
