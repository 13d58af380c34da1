// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface CourseIdRequest {
  'course_id'?: (string);
}

export interface CourseIdRequest__Output {
  'course_id': (string);
}
