// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface EnrollmentIdRequest {
  'enrollment_id'?: (string);
}

export interface EnrollmentIdRequest__Output {
  'enrollment_id': (string);
}
