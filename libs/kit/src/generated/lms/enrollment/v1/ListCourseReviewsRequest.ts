// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface ListCourseReviewsRequest {
  'course_id'?: (string);
  'page'?: (number);
  'page_size'?: (number);
}

export interface ListCourseReviewsRequest__Output {
  'course_id': (string);
  'page': (number);
  'page_size': (number);
}
