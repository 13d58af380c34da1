// Original file: protos/lms/catalog/v1/catalog.proto


export interface Category {
  'name'?: (string);
  'course_count'?: (number);
}

export interface Category__Output {
  'name': (string);
  'course_count': (number);
}
