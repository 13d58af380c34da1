// Original file: protos/lms/catalog/v1/catalog.proto


export interface ListMyCoursesRequest {
  'page'?: (number);
  'page_size'?: (number);
  'status'?: (string);
}

export interface ListMyCoursesRequest__Output {
  'page': (number);
  'page_size': (number);
  'status': (string);
}
