// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface BulkEnrollRequest {
  'course_id'?: (string);
  'user_ids'?: (string)[];
  'emails'?: (string)[];
}

export interface BulkEnrollRequest__Output {
  'course_id': (string);
  'user_ids': (string)[];
  'emails': (string)[];
}
