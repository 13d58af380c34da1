// Original file: protos/lms/analytics/v1/analytics.proto


export interface InstructorRequest {
  'instructor_id'?: (string);
}

export interface InstructorRequest__Output {
  'instructor_id': (string);
}
