// Original file: protos/lms/quiz/v1/quiz.proto

import type { Answer as _lms_quiz_v1_Answer, Answer__Output as _lms_quiz_v1_Answer__Output } from '../../../lms/quiz/v1/Answer';
import type { NumericKey as _lms_quiz_v1_NumericKey, NumericKey__Output as _lms_quiz_v1_NumericKey__Output } from '../../../lms/quiz/v1/NumericKey';
import type { Choice as _lms_quiz_v1_Choice, Choice__Output as _lms_quiz_v1_Choice__Output } from '../../../lms/quiz/v1/Choice';

export interface QuestionResult {
  'question_id'?: (string);
  'question_type'?: (string);
  'question_text'?: (string);
  'position'?: (number);
  'points'?: (number | string);
  'points_earned'?: (number | string);
  'correctness'?: (string);
  'is_correct'?: (boolean);
  'answer'?: (_lms_quiz_v1_Answer | null);
  'feedback'?: (string);
  'answers_revealed'?: (boolean);
  'correct_answer'?: (_lms_quiz_v1_Answer | null);
  'accepted_answers'?: (string)[];
  'numeric'?: (_lms_quiz_v1_NumericKey | null);
  'explanation'?: (string);
  'options'?: (_lms_quiz_v1_Choice)[];
  'prompts'?: (_lms_quiz_v1_Choice)[];
  'matches'?: (_lms_quiz_v1_Choice)[];
  'version'?: (number);
}

export interface QuestionResult__Output {
  'question_id': (string);
  'question_type': (string);
  'question_text': (string);
  'position': (number);
  'points': (number);
  'points_earned': (number);
  'correctness': (string);
  'is_correct': (boolean);
  'answer': (_lms_quiz_v1_Answer__Output | null);
  'feedback': (string);
  'answers_revealed': (boolean);
  'correct_answer': (_lms_quiz_v1_Answer__Output | null);
  'accepted_answers': (string)[];
  'numeric': (_lms_quiz_v1_NumericKey__Output | null);
  'explanation': (string);
  'options': (_lms_quiz_v1_Choice__Output)[];
  'prompts': (_lms_quiz_v1_Choice__Output)[];
  'matches': (_lms_quiz_v1_Choice__Output)[];
  'version': (number);
}
