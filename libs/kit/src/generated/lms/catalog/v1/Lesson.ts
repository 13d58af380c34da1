// Original file: protos/lms/catalog/v1/catalog.proto

import type { Resource as _lms_catalog_v1_Resource, Resource__Output as _lms_catalog_v1_Resource__Output } from '../../../lms/catalog/v1/Resource';
import type { LessonAttachment as _lms_catalog_v1_LessonAttachment, LessonAttachment__Output as _lms_catalog_v1_LessonAttachment__Output } from '../../../lms/catalog/v1/LessonAttachment';

export interface Lesson {
  'id'?: (string);
  'course_id'?: (string);
  'section_id'?: (string);
  'title'?: (string);
  'slug'?: (string);
  'description'?: (string);
  'content'?: (string);
  'lesson_type'?: (string);
  'order_index'?: (number);
  'duration_minutes'?: (number);
  'video_url'?: (string);
  'resources'?: (_lms_catalog_v1_Resource)[];
  'is_preview'?: (boolean);
  'is_published'?: (boolean);
  'counts_toward_completion'?: (boolean);
  'unlock_at'?: (string);
  'unlock_after_days'?: (number);
  'prerequisite'?: (string);
  'created_at'?: (string);
  'updated_at'?: (string);
  'video_file_id'?: (string);
  'attachments'?: (_lms_catalog_v1_LessonAttachment)[];
}

export interface Lesson__Output {
  'id': (string);
  'course_id': (string);
  'section_id': (string);
  'title': (string);
  'slug': (string);
  'description': (string);
  'content': (string);
  'lesson_type': (string);
  'order_index': (number);
  'duration_minutes': (number);
  'video_url': (string);
  'resources': (_lms_catalog_v1_Resource__Output)[];
  'is_preview': (boolean);
  'is_published': (boolean);
  'counts_toward_completion': (boolean);
  'unlock_at': (string);
  'unlock_after_days': (number);
  'prerequisite': (string);
  'created_at': (string);
  'updated_at': (string);
  'video_file_id': (string);
  'attachments': (_lms_catalog_v1_LessonAttachment__Output)[];
}
