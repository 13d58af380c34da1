// Original file: protos/lms/quiz/v1/quiz.proto


export interface ScoreChange {
  'attempt_id'?: (string);
  'student_id'?: (string);
  'attempt_number'?: (number);
  'old_score'?: (number | string);
  'new_score'?: (number | string);
  'old_percentage'?: (number | string);
  'new_percentage'?: (number | string);
  'old_passed'?: (boolean);
  'new_passed'?: (boolean);
  'question_ids'?: (string)[];
}

export interface ScoreChange__Output {
  'attempt_id': (string);
  'student_id': (string);
  'attempt_number': (number);
  'old_score': (number);
  'new_score': (number);
  'old_percentage': (number);
  'new_percentage': (number);
  'old_passed': (boolean);
  'new_passed': (boolean);
  'question_ids': (string)[];
}
