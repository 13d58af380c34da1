// Original file: protos/lms/quiz/v1/quiz.proto


export interface MatchAnswer {
  'prompt_id'?: (string);
  'match_id'?: (string);
}

export interface MatchAnswer__Output {
  'prompt_id': (string);
  'match_id': (string);
}
