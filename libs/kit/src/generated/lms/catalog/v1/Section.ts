// Original file: protos/lms/catalog/v1/catalog.proto

import type { Lesson as _lms_catalog_v1_Lesson, Lesson__Output as _lms_catalog_v1_Lesson__Output } from '../../../lms/catalog/v1/Lesson';

export interface Section {
  'id'?: (string);
  'course_id'?: (string);
  'title'?: (string);
  'description'?: (string);
  'order_index'?: (number);
  'lessons'?: (_lms_catalog_v1_Lesson)[];
  'created_at'?: (string);
  'updated_at'?: (string);
}

export interface Section__Output {
  'id': (string);
  'course_id': (string);
  'title': (string);
  'description': (string);
  'order_index': (number);
  'lessons': (_lms_catalog_v1_Lesson__Output)[];
  'created_at': (string);
  'updated_at': (string);
}
