// Original file: protos/lms/catalog/v1/catalog.proto

import type { Section as _lms_catalog_v1_Section, Section__Output as _lms_catalog_v1_Section__Output } from '../../../lms/catalog/v1/Section';

export interface CourseOutline {
  'course_id'?: (string);
  'version'?: (number);
  'is_published'?: (boolean);
  'instructor_id'?: (string);
  'sections'?: (_lms_catalog_v1_Section)[];
  'countable_lesson_ids'?: (string)[];
  'access_days'?: (number);
  'video_completion_threshold'?: (number);
}

export interface CourseOutline__Output {
  'course_id': (string);
  'version': (number);
  'is_published': (boolean);
  'instructor_id': (string);
  'sections': (_lms_catalog_v1_Section__Output)[];
  'countable_lesson_ids': (string)[];
  'access_days': (number);
  'video_completion_threshold': (number);
}
