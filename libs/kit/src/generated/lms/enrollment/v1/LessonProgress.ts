// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { Long } from '@grpc/proto-loader';

export interface LessonProgress {
  'id'?: (string);
  'enrollment_id'?: (string);
  'lesson_id'?: (string);
  'status'?: (string);
  'completion_percentage'?: (number | string);
  'time_spent_seconds'?: (number | string | Long);
  'last_position_seconds'?: (number | string | Long);
  'notes'?: (string);
  'started_at'?: (string);
  'completed_at'?: (string);
  'last_accessed_at'?: (string);
}

export interface LessonProgress__Output {
  'id': (string);
  'enrollment_id': (string);
  'lesson_id': (string);
  'status': (string);
  'completion_percentage': (number);
  'time_spent_seconds': (string);
  'last_position_seconds': (string);
  'notes': (string);
  'started_at': (string);
  'completed_at': (string);
  'last_accessed_at': (string);
}
