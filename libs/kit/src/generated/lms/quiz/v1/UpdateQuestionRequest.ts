// Original file: protos/lms/quiz/v1/quiz.proto

import type { Question as _lms_quiz_v1_Question, Question__Output as _lms_quiz_v1_Question__Output } from '../../../lms/quiz/v1/Question';

export interface UpdateQuestionRequest {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'question_id'?: (string);
  'fields'?: (string)[];
  'question'?: (_lms_quiz_v1_Question | null);
}

export interface UpdateQuestionRequest__Output {
  'course_id': (string);
  'quiz_id': (string);
  'question_id': (string);
  'fields': (string)[];
  'question': (_lms_quiz_v1_Question__Output | null);
}
