// Original file: protos/lms/quiz/v1/quiz.proto

import type { Attempt as _lms_quiz_v1_Attempt, Attempt__Output as _lms_quiz_v1_Attempt__Output } from '../../../lms/quiz/v1/Attempt';
import type { Quiz as _lms_quiz_v1_Quiz, Quiz__Output as _lms_quiz_v1_Quiz__Output } from '../../../lms/quiz/v1/Quiz';
import type { PaperQuestion as _lms_quiz_v1_PaperQuestion, PaperQuestion__Output as _lms_quiz_v1_PaperQuestion__Output } from '../../../lms/quiz/v1/PaperQuestion';

export interface AttemptPaper {
  'attempt'?: (_lms_quiz_v1_Attempt | null);
  'quiz'?: (_lms_quiz_v1_Quiz | null);
  'questions'?: (_lms_quiz_v1_PaperQuestion)[];
}

export interface AttemptPaper__Output {
  'attempt': (_lms_quiz_v1_Attempt__Output | null);
  'quiz': (_lms_quiz_v1_Quiz__Output | null);
  'questions': (_lms_quiz_v1_PaperQuestion__Output)[];
}
