// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface CountStudentEnrollmentsRequest {
  'student_id'?: (string);
}

export interface CountStudentEnrollmentsRequest__Output {
  'student_id': (string);
}
