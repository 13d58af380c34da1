// Original file: protos/lms/analytics/v1/analytics.proto


export interface EnrollmentTrendPoint {
  'date'?: (string);
  'new_enrollments'?: (number);
  'total_enrollments'?: (number);
}

export interface EnrollmentTrendPoint__Output {
  'date': (string);
  'new_enrollments': (number);
  'total_enrollments': (number);
}
