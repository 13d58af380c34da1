// Original file: protos/lms/catalog/v1/catalog.proto

import type { Resource as _lms_catalog_v1_Resource, Resource__Output as _lms_catalog_v1_Resource__Output } from '../../../lms/catalog/v1/Resource';

export interface UpdateLessonRequest {
  'lesson_id'?: (string);
  'fields'?: (string)[];
  'section_id'?: (string);
  'title'?: (string);
  'slug'?: (string);
  'description'?: (string);
  'content'?: (string);
  'lesson_type'?: (string);
  'duration_minutes'?: (number);
  'video_url'?: (string);
  'resources'?: (_lms_catalog_v1_Resource)[];
  'is_preview'?: (boolean);
  'counts_toward_completion'?: (boolean);
  'unlock_at'?: (string);
  'unlock_after_days'?: (number);
  'prerequisite'?: (string);
  'video_file_id'?: (string);
  'attachment_file_ids'?: (string)[];
}

export interface UpdateLessonRequest__Output {
  'lesson_id': (string);
  'fields': (string)[];
  'section_id': (string);
  'title': (string);
  'slug': (string);
  'description': (string);
  'content': (string);
  'lesson_type': (string);
  'duration_minutes': (number);
  'video_url': (string);
  'resources': (_lms_catalog_v1_Resource__Output)[];
  'is_preview': (boolean);
  'counts_toward_completion': (boolean);
  'unlock_at': (string);
  'unlock_after_days': (number);
  'prerequisite': (string);
  'video_file_id': (string);
  'attachment_file_ids': (string)[];
}
