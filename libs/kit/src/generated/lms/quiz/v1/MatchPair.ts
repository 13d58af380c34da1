// Original file: protos/lms/quiz/v1/quiz.proto


export interface MatchPair {
  'id'?: (string);
  'prompt'?: (string);
  'match_id'?: (string);
  'match'?: (string);
}

export interface MatchPair__Output {
  'id': (string);
  'prompt': (string);
  'match_id': (string);
  'match': (string);
}
