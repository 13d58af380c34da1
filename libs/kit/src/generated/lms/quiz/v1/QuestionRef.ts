// Original file: protos/lms/quiz/v1/quiz.proto


export interface QuestionRef {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'question_id'?: (string);
}

export interface QuestionRef__Output {
  'course_id': (string);
  'quiz_id': (string);
  'question_id': (string);
}
