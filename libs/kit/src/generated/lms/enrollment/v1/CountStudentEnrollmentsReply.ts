// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface CountStudentEnrollmentsReply {
  'total'?: (number);
  'active'?: (number);
  'completed'?: (number);
}

export interface CountStudentEnrollmentsReply__Output {
  'total': (number);
  'active': (number);
  'completed': (number);
}
