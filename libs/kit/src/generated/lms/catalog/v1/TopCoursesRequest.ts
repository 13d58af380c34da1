// Original file: protos/lms/catalog/v1/catalog.proto


export interface TopCoursesRequest {
  'limit'?: (number);
  'category'?: (string);
}

export interface TopCoursesRequest__Output {
  'limit': (number);
  'category': (string);
}
