// Original file: protos/lms/quiz/v1/quiz.proto

import type { AttemptSummary as _lms_quiz_v1_AttemptSummary, AttemptSummary__Output as _lms_quiz_v1_AttemptSummary__Output } from '../../../lms/quiz/v1/AttemptSummary';

export interface AttemptPage {
  'items'?: (_lms_quiz_v1_AttemptSummary)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
}

export interface AttemptPage__Output {
  'items': (_lms_quiz_v1_AttemptSummary__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
}
