// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface IsEnrolledRequest {
  'course_id'?: (string);
  'student_id'?: (string);
  'lesson_id'?: (string);
}

export interface IsEnrolledRequest__Output {
  'course_id': (string);
  'student_id': (string);
  'lesson_id': (string);
}
