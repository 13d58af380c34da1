// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface ListCourseEnrollmentsRequest {
  'course_id'?: (string);
  'page'?: (number);
  'page_size'?: (number);
  'status'?: (string);
  'sort'?: (string);
  'cursor'?: (string);
}

export interface ListCourseEnrollmentsRequest__Output {
  'course_id': (string);
  'page': (number);
  'page_size': (number);
  'status': (string);
  'sort': (string);
  'cursor': (string);
}
