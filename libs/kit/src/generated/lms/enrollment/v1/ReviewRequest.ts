// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface ReviewRequest {
  'enrollment_id'?: (string);
  'rating'?: (number);
  'review'?: (string);
}

export interface ReviewRequest__Output {
  'enrollment_id': (string);
  'rating': (number);
  'review': (string);
}
