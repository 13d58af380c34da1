// Original file: protos/lms/quiz/v1/quiz.proto


export interface QuestionGrade {
  'question_id'?: (string);
  'points'?: (number | string);
  'feedback'?: (string);
}

export interface QuestionGrade__Output {
  'question_id': (string);
  'points': (number);
  'feedback': (string);
}
