// Original file: protos/lms/catalog/v1/catalog.proto


export interface CanReadLessonFileReply {
  'allowed'?: (boolean);
  'lesson_ids'?: (string)[];
}

export interface CanReadLessonFileReply__Output {
  'allowed': (boolean);
  'lesson_ids': (string)[];
}
