// Original file: protos/lms/catalog/v1/catalog.proto


export interface CreateSectionRequest {
  'course_id'?: (string);
  'title'?: (string);
  'description'?: (string);
}

export interface CreateSectionRequest__Output {
  'course_id': (string);
  'title': (string);
  'description': (string);
}
