// Original file: protos/lms/analytics/v1/analytics.proto


export interface StudentRequest {
  'student_id'?: (string);
}

export interface StudentRequest__Output {
  'student_id': (string);
}
