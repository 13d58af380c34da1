// Original file: protos/lms/quiz/v1/quiz.proto


export interface Option {
  'id'?: (string);
  'text'?: (string);
  'is_correct'?: (boolean);
}

export interface Option__Output {
  'id': (string);
  'text': (string);
  'is_correct': (boolean);
}
