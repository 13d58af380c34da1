// Original file: protos/lms/quiz/v1/quiz.proto

import type { Answer as _lms_quiz_v1_Answer, Answer__Output as _lms_quiz_v1_Answer__Output } from '../../../lms/quiz/v1/Answer';

export interface Attempt {
  'id'?: (string);
  'quiz_id'?: (string);
  'course_id'?: (string);
  'student_id'?: (string);
  'attempt_number'?: (number);
  'status'?: (string);
  'started_at'?: (string);
  'deadline_at'?: (string);
  'time_remaining_seconds'?: (number);
  'max_score'?: (number | string);
  'total_questions'?: (number);
  'resumed'?: (boolean);
  'answers'?: (_lms_quiz_v1_Answer)[];
  'submitted_at'?: (string);
  'auto_submitted'?: (boolean);
  'last_saved_at'?: (string);
}

export interface Attempt__Output {
  'id': (string);
  'quiz_id': (string);
  'course_id': (string);
  'student_id': (string);
  'attempt_number': (number);
  'status': (string);
  'started_at': (string);
  'deadline_at': (string);
  'time_remaining_seconds': (number);
  'max_score': (number);
  'total_questions': (number);
  'resumed': (boolean);
  'answers': (_lms_quiz_v1_Answer__Output)[];
  'submitted_at': (string);
  'auto_submitted': (boolean);
  'last_saved_at': (string);
}
