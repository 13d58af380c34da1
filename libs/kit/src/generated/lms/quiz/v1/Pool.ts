// Original file: protos/lms/quiz/v1/quiz.proto


export interface Pool {
  'id'?: (string);
  'quiz_id'?: (string);
  'title'?: (string);
  'draw_count'?: (number);
  'question_count'?: (number);
  'created_at'?: (string);
  'updated_at'?: (string);
}

export interface Pool__Output {
  'id': (string);
  'quiz_id': (string);
  'title': (string);
  'draw_count': (number);
  'question_count': (number);
  'created_at': (string);
  'updated_at': (string);
}
