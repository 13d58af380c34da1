// Original file: protos/lms/quiz/v1/quiz.proto

import type { Question as _lms_quiz_v1_Question, Question__Output as _lms_quiz_v1_Question__Output } from '../../../lms/quiz/v1/Question';

export interface QuestionList {
  'items'?: (_lms_quiz_v1_Question)[];
  'total'?: (number);
}

export interface QuestionList__Output {
  'items': (_lms_quiz_v1_Question__Output)[];
  'total': (number);
}
