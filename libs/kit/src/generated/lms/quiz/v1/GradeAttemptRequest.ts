// Original file: protos/lms/quiz/v1/quiz.proto

import type { QuestionGrade as _lms_quiz_v1_QuestionGrade, QuestionGrade__Output as _lms_quiz_v1_QuestionGrade__Output } from '../../../lms/quiz/v1/QuestionGrade';

export interface GradeAttemptRequest {
  'quiz_id'?: (string);
  'attempt_id'?: (string);
  'grades'?: (_lms_quiz_v1_QuestionGrade)[];
}

export interface GradeAttemptRequest__Output {
  'quiz_id': (string);
  'attempt_id': (string);
  'grades': (_lms_quiz_v1_QuestionGrade__Output)[];
}
