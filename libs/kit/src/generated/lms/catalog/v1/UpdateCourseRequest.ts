// Original file: protos/lms/catalog/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface UpdateCourseRequest {
  'course_id'?: (string);
  'fields'?: (string)[];
  'title'?: (string);
  'slug'?: (string);
  'description'?: (string);
  'long_description'?: (string);
  'category'?: (string);
  'difficulty_level'?: (string);
  'price_cents'?: (number | string | Long);
  'currency'?: (string);
  'thumbnail_url'?: (string);
  'preview_video_url'?: (string);
  'requirements'?: (string)[];
  'learning_objectives'?: (string)[];
  'tags'?: (string)[];
  'access_days'?: (number);
  'video_completion_threshold'?: (number);
  'language'?: (string);
}

export interface UpdateCourseRequest__Output {
  'course_id': (string);
  'fields': (string)[];
  'title': (string);
  'slug': (string);
  'description': (string);
  'long_description': (string);
  'category': (string);
  'difficulty_level': (string);
  'price_cents': (string);
  'currency': (string);
  'thumbnail_url': (string);
  'preview_video_url': (string);
  'requirements': (string)[];
  'learning_objectives': (string)[];
  'tags': (string)[];
  'access_days': (number);
  'video_completion_threshold': (number);
  'language': (string);
}
