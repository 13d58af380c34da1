// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface IsEnrolledReply {
  'enrolled'?: (boolean);
  'enrollment_id'?: (string);
  'status'?: (string);
  'expires_at'?: (string);
}

export interface IsEnrolledReply__Output {
  'enrolled': (boolean);
  'enrollment_id': (string);
  'status': (string);
  'expires_at': (string);
}
