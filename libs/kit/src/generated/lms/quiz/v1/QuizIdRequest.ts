// Original file: protos/lms/quiz/v1/quiz.proto


export interface QuizIdRequest {
  'quiz_id'?: (string);
}

export interface QuizIdRequest__Output {
  'quiz_id': (string);
}
