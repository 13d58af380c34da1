// Original file: protos/lms/quiz/v1/quiz.proto

import type { Choice as _lms_quiz_v1_Choice, Choice__Output as _lms_quiz_v1_Choice__Output } from '../../../lms/quiz/v1/Choice';

export interface PaperQuestion {
  'id'?: (string);
  'question_type'?: (string);
  'question_text'?: (string);
  'points'?: (number | string);
  'position'?: (number);
  'options'?: (_lms_quiz_v1_Choice)[];
  'prompts'?: (_lms_quiz_v1_Choice)[];
  'matches'?: (_lms_quiz_v1_Choice)[];
  'items'?: (_lms_quiz_v1_Choice)[];
  'max_length'?: (number);
}

export interface PaperQuestion__Output {
  'id': (string);
  'question_type': (string);
  'question_text': (string);
  'points': (number);
  'position': (number);
  'options': (_lms_quiz_v1_Choice__Output)[];
  'prompts': (_lms_quiz_v1_Choice__Output)[];
  'matches': (_lms_quiz_v1_Choice__Output)[];
  'items': (_lms_quiz_v1_Choice__Output)[];
  'max_length': (number);
}
