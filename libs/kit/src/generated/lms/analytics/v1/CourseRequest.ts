// Original file: protos/lms/analytics/v1/analytics.proto


export interface CourseRequest {
  'course_id'?: (string);
}

export interface CourseRequest__Output {
  'course_id': (string);
}
