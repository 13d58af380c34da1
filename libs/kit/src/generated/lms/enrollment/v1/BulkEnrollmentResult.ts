// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface BulkEnrollmentResult {
  'row'?: (number);
  'input'?: (string);
  'user_id'?: (string);
  'result'?: (string);
  'enrollment_id'?: (string);
  'detail'?: (string);
}

export interface BulkEnrollmentResult__Output {
  'row': (number);
  'input': (string);
  'user_id': (string);
  'result': (string);
  'enrollment_id': (string);
  'detail': (string);
}
