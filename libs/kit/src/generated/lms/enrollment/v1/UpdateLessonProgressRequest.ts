// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { Long } from '@grpc/proto-loader';

export interface UpdateLessonProgressRequest {
  'enrollment_id'?: (string);
  'lesson_id'?: (string);
  'fields'?: (string)[];
  'status'?: (string);
  'time_spent_seconds'?: (number | string | Long);
  'last_position_seconds'?: (number | string | Long);
  'completion_percentage'?: (number | string);
  'notes'?: (string);
}

export interface UpdateLessonProgressRequest__Output {
  'enrollment_id': (string);
  'lesson_id': (string);
  'fields': (string)[];
  'status': (string);
  'time_spent_seconds': (string);
  'last_position_seconds': (string);
  'completion_percentage': (number);
  'notes': (string);
}
