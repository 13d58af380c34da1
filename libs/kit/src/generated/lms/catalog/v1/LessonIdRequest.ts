// Original file: protos/lms/catalog/v1/catalog.proto


export interface LessonIdRequest {
  'lesson_id'?: (string);
}

export interface LessonIdRequest__Output {
  'lesson_id': (string);
}
