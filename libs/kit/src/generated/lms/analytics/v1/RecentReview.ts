// Original file: protos/lms/analytics/v1/analytics.proto


export interface RecentReview {
  'student_name'?: (string);
  'course_id'?: (string);
  'course_title'?: (string);
  'rating'?: (number);
  'review'?: (string);
  'reviewed_at'?: (string);
}

export interface RecentReview__Output {
  'student_name': (string);
  'course_id': (string);
  'course_title': (string);
  'rating': (number);
  'review': (string);
  'reviewed_at': (string);
}
