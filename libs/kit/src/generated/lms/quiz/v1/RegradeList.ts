// Original file: protos/lms/quiz/v1/quiz.proto

import type { RegradeReport as _lms_quiz_v1_RegradeReport, RegradeReport__Output as _lms_quiz_v1_RegradeReport__Output } from '../../../lms/quiz/v1/RegradeReport';

export interface RegradeList {
  'items'?: (_lms_quiz_v1_RegradeReport)[];
  'total'?: (number);
}

export interface RegradeList__Output {
  'items': (_lms_quiz_v1_RegradeReport__Output)[];
  'total': (number);
}
