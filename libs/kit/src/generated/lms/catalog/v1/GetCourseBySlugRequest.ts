// Original file: protos/lms/catalog/v1/catalog.proto


export interface GetCourseBySlugRequest {
  'slug'?: (string);
}

export interface GetCourseBySlugRequest__Output {
  'slug': (string);
}
