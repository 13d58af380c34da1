// Original file: protos/lms/quiz/v1/quiz.proto


export interface AttemptSummary {
  'id'?: (string);
  'quiz_id'?: (string);
  'student_id'?: (string);
  'attempt_number'?: (number);
  'status'?: (string);
  'score'?: (number | string);
  'max_score'?: (number | string);
  'percentage'?: (number | string);
  'passed'?: (boolean);
  'started_at'?: (string);
  'deadline_at'?: (string);
  'submitted_at'?: (string);
  'graded_at'?: (string);
  'auto_submitted'?: (boolean);
  'time_spent_seconds'?: (number);
}

export interface AttemptSummary__Output {
  'id': (string);
  'quiz_id': (string);
  'student_id': (string);
  'attempt_number': (number);
  'status': (string);
  'score': (number);
  'max_score': (number);
  'percentage': (number);
  'passed': (boolean);
  'started_at': (string);
  'deadline_at': (string);
  'submitted_at': (string);
  'graded_at': (string);
  'auto_submitted': (boolean);
  'time_spent_seconds': (number);
}
