// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface EnrollRequest {
  'course_id'?: (string);
}

export interface EnrollRequest__Output {
  'course_id': (string);
}
