// Original file: protos/lms/catalog/v1/catalog.proto


export interface CourseIdRequest {
  'course_id'?: (string);
}

export interface CourseIdRequest__Output {
  'course_id': (string);
}
