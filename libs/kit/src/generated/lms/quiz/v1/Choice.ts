// Original file: protos/lms/quiz/v1/quiz.proto


export interface Choice {
  'id'?: (string);
  'text'?: (string);
}

export interface Choice__Output {
  'id': (string);
  'text': (string);
}
