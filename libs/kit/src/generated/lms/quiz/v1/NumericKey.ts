// Original file: protos/lms/quiz/v1/quiz.proto


export interface NumericKey {
  'mode'?: (string);
  'value'?: (number | string);
  'tolerance'?: (number | string);
  'min'?: (number | string);
  'max'?: (number | string);
}

export interface NumericKey__Output {
  'mode': (string);
  'value': (number);
  'tolerance': (number);
  'min': (number);
  'max': (number);
}
