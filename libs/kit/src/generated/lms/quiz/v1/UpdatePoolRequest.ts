// Original file: protos/lms/quiz/v1/quiz.proto


export interface UpdatePoolRequest {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'pool_id'?: (string);
  'fields'?: (string)[];
  'title'?: (string);
  'draw_count'?: (number);
}

export interface UpdatePoolRequest__Output {
  'course_id': (string);
  'quiz_id': (string);
  'pool_id': (string);
  'fields': (string)[];
  'title': (string);
  'draw_count': (number);
}
