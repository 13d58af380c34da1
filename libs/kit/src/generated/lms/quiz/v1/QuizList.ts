// Original file: protos/lms/quiz/v1/quiz.proto

import type { Quiz as _lms_quiz_v1_Quiz, Quiz__Output as _lms_quiz_v1_Quiz__Output } from '../../../lms/quiz/v1/Quiz';

export interface QuizList {
  'items'?: (_lms_quiz_v1_Quiz)[];
  'total'?: (number);
}

export interface QuizList__Output {
  'items': (_lms_quiz_v1_Quiz__Output)[];
  'total': (number);
}
