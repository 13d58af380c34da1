// Original file: protos/lms/catalog/v1/catalog.proto

import type { Lesson as _lms_catalog_v1_Lesson, Lesson__Output as _lms_catalog_v1_Lesson__Output } from '../../../lms/catalog/v1/Lesson';

export interface LessonList {
  'items'?: (_lms_catalog_v1_Lesson)[];
}

export interface LessonList__Output {
  'items': (_lms_catalog_v1_Lesson__Output)[];
}
