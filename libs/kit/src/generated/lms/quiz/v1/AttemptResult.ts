// Original file: protos/lms/quiz/v1/quiz.proto

import type { Attempt as _lms_quiz_v1_Attempt, Attempt__Output as _lms_quiz_v1_Attempt__Output } from '../../../lms/quiz/v1/Attempt';
import type { QuestionResult as _lms_quiz_v1_QuestionResult, QuestionResult__Output as _lms_quiz_v1_QuestionResult__Output } from '../../../lms/quiz/v1/QuestionResult';

export interface AttemptResult {
  'attempt'?: (_lms_quiz_v1_Attempt | null);
  'score'?: (number | string);
  'max_score'?: (number | string);
  'percentage'?: (number | string);
  'passed'?: (boolean);
  'graded_at'?: (string);
  'time_spent_seconds'?: (number);
  'answers_revealed'?: (boolean);
  'questions'?: (_lms_quiz_v1_QuestionResult)[];
  'passing_score'?: (number | string);
}

export interface AttemptResult__Output {
  'attempt': (_lms_quiz_v1_Attempt__Output | null);
  'score': (number);
  'max_score': (number);
  'percentage': (number);
  'passed': (boolean);
  'graded_at': (string);
  'time_spent_seconds': (number);
  'answers_revealed': (boolean);
  'questions': (_lms_quiz_v1_QuestionResult__Output)[];
  'passing_score': (number);
}
