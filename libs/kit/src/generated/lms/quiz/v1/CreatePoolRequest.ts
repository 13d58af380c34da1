// Original file: protos/lms/quiz/v1/quiz.proto


export interface CreatePoolRequest {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'title'?: (string);
  'draw_count'?: (number);
}

export interface CreatePoolRequest__Output {
  'course_id': (string);
  'quiz_id': (string);
  'title': (string);
  'draw_count': (number);
}
