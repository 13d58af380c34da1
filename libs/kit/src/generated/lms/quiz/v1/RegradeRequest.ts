// Original file: protos/lms/quiz/v1/quiz.proto


export interface RegradeRequest {
  'quiz_id'?: (string);
  'dry_run'?: (boolean);
  'question_ids'?: (string)[];
}

export interface RegradeRequest__Output {
  'quiz_id': (string);
  'dry_run': (boolean);
  'question_ids': (string)[];
}
