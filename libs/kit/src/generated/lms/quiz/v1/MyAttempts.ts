// Original file: protos/lms/quiz/v1/quiz.proto

import type { AttemptSummary as _lms_quiz_v1_AttemptSummary, AttemptSummary__Output as _lms_quiz_v1_AttemptSummary__Output } from '../../../lms/quiz/v1/AttemptSummary';

export interface MyAttempts {
  'items'?: (_lms_quiz_v1_AttemptSummary)[];
  'scoring_policy'?: (string);
  'kept_percentage'?: (number | string);
  'kept_score'?: (number | string);
  'passed'?: (boolean);
  'attempts_used'?: (number);
  'attempts_remaining'?: (number);
}

export interface MyAttempts__Output {
  'items': (_lms_quiz_v1_AttemptSummary__Output)[];
  'scoring_policy': (string);
  'kept_percentage': (number);
  'kept_score': (number);
  'passed': (boolean);
  'attempts_used': (number);
  'attempts_remaining': (number);
}
