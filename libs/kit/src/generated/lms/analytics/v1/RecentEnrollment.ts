// Original file: protos/lms/analytics/v1/analytics.proto


export interface RecentEnrollment {
  'student_name'?: (string);
  'course_id'?: (string);
  'course_title'?: (string);
  'enrolled_at'?: (string);
}

export interface RecentEnrollment__Output {
  'student_name': (string);
  'course_id': (string);
  'course_title': (string);
  'enrolled_at': (string);
}
