// Original file: protos/lms/catalog/v1/catalog.proto


export interface IsCourseOwnerRequest {
  'course_id'?: (string);
  'user_id'?: (string);
}

export interface IsCourseOwnerRequest__Output {
  'course_id': (string);
  'user_id': (string);
}
