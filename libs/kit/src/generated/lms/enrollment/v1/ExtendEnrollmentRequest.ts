// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface ExtendEnrollmentRequest {
  'enrollment_id'?: (string);
  'days'?: (number);
  'expires_at'?: (string);
}

export interface ExtendEnrollmentRequest__Output {
  'enrollment_id': (string);
  'days': (number);
  'expires_at': (string);
}
