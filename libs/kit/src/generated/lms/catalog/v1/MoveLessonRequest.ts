// Original file: protos/lms/catalog/v1/catalog.proto


export interface MoveLessonRequest {
  'lesson_id'?: (string);
  'new_order_index'?: (number);
}

export interface MoveLessonRequest__Output {
  'lesson_id': (string);
  'new_order_index': (number);
}
