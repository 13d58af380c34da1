// Original file: protos/lms/catalog/v1/catalog.proto

import type { Course as _lms_catalog_v1_Course, Course__Output as _lms_catalog_v1_Course__Output } from '../../../lms/catalog/v1/Course';

export interface CoursePage {
  'items'?: (_lms_catalog_v1_Course)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
  'total_pages'?: (number);
}

export interface CoursePage__Output {
  'items': (_lms_catalog_v1_Course__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
  'total_pages': (number);
}
