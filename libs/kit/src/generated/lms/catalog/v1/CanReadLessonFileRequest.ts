// Original file: protos/lms/catalog/v1/catalog.proto


export interface CanReadLessonFileRequest {
  'file_id'?: (string);
}

export interface CanReadLessonFileRequest__Output {
  'file_id': (string);
}
