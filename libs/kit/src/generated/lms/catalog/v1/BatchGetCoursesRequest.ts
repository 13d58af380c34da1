// Original file: protos/lms/catalog/v1/catalog.proto


export interface BatchGetCoursesRequest {
  'ids'?: (string)[];
}

export interface BatchGetCoursesRequest__Output {
  'ids': (string)[];
}
