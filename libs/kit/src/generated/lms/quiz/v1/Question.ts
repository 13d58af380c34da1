// Original file: protos/lms/quiz/v1/quiz.proto

import type { Option as _lms_quiz_v1_Option, Option__Output as _lms_quiz_v1_Option__Output } from '../../../lms/quiz/v1/Option';
import type { NumericKey as _lms_quiz_v1_NumericKey, NumericKey__Output as _lms_quiz_v1_NumericKey__Output } from '../../../lms/quiz/v1/NumericKey';
import type { MatchPair as _lms_quiz_v1_MatchPair, MatchPair__Output as _lms_quiz_v1_MatchPair__Output } from '../../../lms/quiz/v1/MatchPair';

export interface Question {
  'id'?: (string);
  'quiz_id'?: (string);
  'pool_id'?: (string);
  'question_type'?: (string);
  'question_text'?: (string);
  'points'?: (number | string);
  'explanation'?: (string);
  'order_index'?: (number);
  'version'?: (number);
  'options'?: (_lms_quiz_v1_Option)[];
  'negative_marking'?: (boolean);
  'correct_answer'?: (string);
  'accepted_answers'?: (string)[];
  'case_sensitive'?: (boolean);
  'exact_whitespace'?: (boolean);
  'numeric'?: (_lms_quiz_v1_NumericKey | null);
  'pairs'?: (_lms_quiz_v1_MatchPair)[];
  'distractors'?: (_lms_quiz_v1_Option)[];
  'max_length'?: (number);
  'created_at'?: (string);
  'updated_at'?: (string);
}

export interface Question__Output {
  'id': (string);
  'quiz_id': (string);
  'pool_id': (string);
  'question_type': (string);
  'question_text': (string);
  'points': (number);
  'explanation': (string);
  'order_index': (number);
  'version': (number);
  'options': (_lms_quiz_v1_Option__Output)[];
  'negative_marking': (boolean);
  'correct_answer': (string);
  'accepted_answers': (string)[];
  'case_sensitive': (boolean);
  'exact_whitespace': (boolean);
  'numeric': (_lms_quiz_v1_NumericKey__Output | null);
  'pairs': (_lms_quiz_v1_MatchPair__Output)[];
  'distractors': (_lms_quiz_v1_Option__Output)[];
  'max_length': (number);
  'created_at': (string);
  'updated_at': (string);
}
