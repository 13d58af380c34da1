// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { Long } from '@grpc/proto-loader';

export interface Enrollment {
  'id'?: (string);
  'student_id'?: (string);
  'course_id'?: (string);
  'status'?: (string);
  'enrolled_at'?: (string);
  'started_at'?: (string);
  'completed_at'?: (string);
  'dropped_at'?: (string);
  'last_accessed_at'?: (string);
  'progress_percentage'?: (number | string);
  'completed_lessons_count'?: (number);
  'total_lessons_count'?: (number);
  'total_time_spent_seconds'?: (number | string | Long);
  'rating'?: (number);
  'review'?: (string);
  'reviewed_at'?: (string);
  'has_new_content'?: (boolean);
  'course_version'?: (number);
  'expires_at'?: (string);
  'certificate_url'?: (string);
  'certificate_issued_at'?: (string);
}

export interface Enrollment__Output {
  'id': (string);
  'student_id': (string);
  'course_id': (string);
  'status': (string);
  'enrolled_at': (string);
  'started_at': (string);
  'completed_at': (string);
  'dropped_at': (string);
  'last_accessed_at': (string);
  'progress_percentage': (number);
  'completed_lessons_count': (number);
  'total_lessons_count': (number);
  'total_time_spent_seconds': (string);
  'rating': (number);
  'review': (string);
  'reviewed_at': (string);
  'has_new_content': (boolean);
  'course_version': (number);
  'expires_at': (string);
  'certificate_url': (string);
  'certificate_issued_at': (string);
}
