// Original file: protos/lms/catalog/v1/catalog.proto

import type { Course as _lms_catalog_v1_Course, Course__Output as _lms_catalog_v1_Course__Output } from '../../../lms/catalog/v1/Course';

export interface CourseList {
  'items'?: (_lms_catalog_v1_Course)[];
}

export interface CourseList__Output {
  'items': (_lms_catalog_v1_Course__Output)[];
}
