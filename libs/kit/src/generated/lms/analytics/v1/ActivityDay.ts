// Original file: protos/lms/analytics/v1/analytics.proto


export interface ActivityDay {
  'date'?: (string);
  'lessons_completed'?: (number);
  'time_spent_minutes'?: (number);
  'quizzes_taken'?: (number);
}

export interface ActivityDay__Output {
  'date': (string);
  'lessons_completed': (number);
  'time_spent_minutes': (number);
  'quizzes_taken': (number);
}
