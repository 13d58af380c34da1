// Original file: protos/lms/quiz/v1/quiz.proto


export interface ReorderQuestionsRequest {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'question_ids'?: (string)[];
}

export interface ReorderQuestionsRequest__Output {
  'course_id': (string);
  'quiz_id': (string);
  'question_ids': (string)[];
}
