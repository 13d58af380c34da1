// Original file: protos/lms/quiz/v1/quiz.proto

import type { Answer as _lms_quiz_v1_Answer, Answer__Output as _lms_quiz_v1_Answer__Output } from '../../../lms/quiz/v1/Answer';

export interface SubmitAttemptRequest {
  'quiz_id'?: (string);
  'attempt_id'?: (string);
  'answers'?: (_lms_quiz_v1_Answer)[];
}

export interface SubmitAttemptRequest__Output {
  'quiz_id': (string);
  'attempt_id': (string);
  'answers': (_lms_quiz_v1_Answer__Output)[];
}
