// Original file: protos/lms/analytics/v1/analytics.proto


export interface SystemOverview {
  'total_users'?: (number);
  'total_students'?: (number);
  'total_instructors'?: (number);
  'total_courses'?: (number);
  'published_courses'?: (number);
  'total_enrollments'?: (number);
  'active_enrollments'?: (number);
  'total_lessons'?: (number);
  'total_quizzes'?: (number);
  'total_quiz_attempts'?: (number);
}

export interface SystemOverview__Output {
  'total_users': (number);
  'total_students': (number);
  'total_instructors': (number);
  'total_courses': (number);
  'published_courses': (number);
  'total_enrollments': (number);
  'active_enrollments': (number);
  'total_lessons': (number);
  'total_quizzes': (number);
  'total_quiz_attempts': (number);
}
