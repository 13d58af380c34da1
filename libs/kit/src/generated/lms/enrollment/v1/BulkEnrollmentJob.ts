// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { BulkEnrollmentResult as _lms_enrollment_v1_BulkEnrollmentResult, BulkEnrollmentResult__Output as _lms_enrollment_v1_BulkEnrollmentResult__Output } from '../../../lms/enrollment/v1/BulkEnrollmentResult';

export interface BulkEnrollmentJob {
  'id'?: (string);
  'course_id'?: (string);
  'requested_by'?: (string);
  'status'?: (string);
  'total'?: (number);
  'enrolled'?: (number);
  'already_enrolled'?: (number);
  'unknown_user'?: (number);
  'invalid'?: (number);
  'results'?: (_lms_enrollment_v1_BulkEnrollmentResult)[];
  'created_at'?: (string);
  'completed_at'?: (string);
}

export interface BulkEnrollmentJob__Output {
  'id': (string);
  'course_id': (string);
  'requested_by': (string);
  'status': (string);
  'total': (number);
  'enrolled': (number);
  'already_enrolled': (number);
  'unknown_user': (number);
  'invalid': (number);
  'results': (_lms_enrollment_v1_BulkEnrollmentResult__Output)[];
  'created_at': (string);
  'completed_at': (string);
}
