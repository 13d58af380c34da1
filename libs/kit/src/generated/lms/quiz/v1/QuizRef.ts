// Original file: protos/lms/quiz/v1/quiz.proto


export interface QuizRef {
  'course_id'?: (string);
  'quiz_id'?: (string);
}

export interface QuizRef__Output {
  'course_id': (string);
  'quiz_id': (string);
}
