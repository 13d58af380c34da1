// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface CourseStats {
  'course_id'?: (string);
  'total_enrollments'?: (number);
  'active_enrollments'?: (number);
  'completed_enrollments'?: (number);
  'dropped_enrollments'?: (number);
  'expired_enrollments'?: (number);
  'completion_rate'?: (number | string);
  'average_progress'?: (number | string);
  'average_rating'?: (number | string);
  'rating_count'?: (number);
  'course_version'?: (number);
  'total_lessons_count'?: (number);
}

export interface CourseStats__Output {
  'course_id': (string);
  'total_enrollments': (number);
  'active_enrollments': (number);
  'completed_enrollments': (number);
  'dropped_enrollments': (number);
  'expired_enrollments': (number);
  'completion_rate': (number);
  'average_progress': (number);
  'average_rating': (number);
  'rating_count': (number);
  'course_version': (number);
  'total_lessons_count': (number);
}
