// Original file: protos/lms/analytics/v1/analytics.proto


export interface ExportCourseStudentsRequest {
  'course_id'?: (string);
  'after'?: (string);
  'limit'?: (number);
}

export interface ExportCourseStudentsRequest__Output {
  'course_id': (string);
  'after': (string);
  'limit': (number);
}
