// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface CourseReview {
  'student_name'?: (string);
  'rating'?: (number);
  'review'?: (string);
  'reviewed_at'?: (string);
}

export interface CourseReview__Output {
  'student_name': (string);
  'rating': (number);
  'review': (string);
  'reviewed_at': (string);
}
