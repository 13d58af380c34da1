// Original file: protos/lms/analytics/v1/analytics.proto


export interface TopInstructor {
  'instructor_id'?: (string);
  'instructor_name'?: (string);
  'total_students'?: (number);
  'total_courses'?: (number);
}

export interface TopInstructor__Output {
  'instructor_id': (string);
  'instructor_name': (string);
  'total_students': (number);
  'total_courses': (number);
}
