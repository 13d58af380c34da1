// Original file: protos/lms/catalog/v1/catalog.proto

import type { InstructorSummary as _lms_catalog_v1_InstructorSummary, InstructorSummary__Output as _lms_catalog_v1_InstructorSummary__Output } from '../../../lms/catalog/v1/InstructorSummary';
import type { Long } from '@grpc/proto-loader';

export interface Course {
  'id'?: (string);
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
  'instructor_id'?: (string);
  'instructor'?: (_lms_catalog_v1_InstructorSummary | null);
  'is_published'?: (boolean);
  'published_at'?: (string);
  'archived_at'?: (string);
  'estimated_duration_minutes'?: (number);
  'version'?: (number);
  'total_lessons'?: (number);
  'total_quizzes'?: (number);
  'enrollment_count'?: (number);
  'average_rating'?: (number | string);
  'rating_count'?: (number);
  'created_at'?: (string);
  'updated_at'?: (string);
  'access_days'?: (number);
  'video_completion_threshold'?: (number);
  'language'?: (string);
  'status'?: (string);
}

export interface Course__Output {
  'id': (string);
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
  'instructor_id': (string);
  'instructor': (_lms_catalog_v1_InstructorSummary__Output | null);
  'is_published': (boolean);
  'published_at': (string);
  'archived_at': (string);
  'estimated_duration_minutes': (number);
  'version': (number);
  'total_lessons': (number);
  'total_quizzes': (number);
  'enrollment_count': (number);
  'average_rating': (number);
  'rating_count': (number);
  'created_at': (string);
  'updated_at': (string);
  'access_days': (number);
  'video_completion_threshold': (number);
  'language': (string);
  'status': (string);
}
