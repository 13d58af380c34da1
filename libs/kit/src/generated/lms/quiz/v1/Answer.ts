// Original file: protos/lms/quiz/v1/quiz.proto

import type { MatchAnswer as _lms_quiz_v1_MatchAnswer, MatchAnswer__Output as _lms_quiz_v1_MatchAnswer__Output } from '../../../lms/quiz/v1/MatchAnswer';

export interface Answer {
  'question_id'?: (string);
  'selected_option_ids'?: (string)[];
  'answer_text'?: (string);
  'matches'?: (_lms_quiz_v1_MatchAnswer)[];
  'order'?: (string)[];
}

export interface Answer__Output {
  'question_id': (string);
  'selected_option_ids': (string)[];
  'answer_text': (string);
  'matches': (_lms_quiz_v1_MatchAnswer__Output)[];
  'order': (string)[];
}
