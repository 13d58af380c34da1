// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { Enrollment as _lms_enrollment_v1_Enrollment, Enrollment__Output as _lms_enrollment_v1_Enrollment__Output } from '../../../lms/enrollment/v1/Enrollment';
import type { StudentContact as _lms_enrollment_v1_StudentContact, StudentContact__Output as _lms_enrollment_v1_StudentContact__Output } from '../../../lms/enrollment/v1/StudentContact';

export interface EnrollmentPage {
  'items'?: (_lms_enrollment_v1_Enrollment)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
  'total_pages'?: (number);
  'next_cursor'?: (string);
  'students'?: (_lms_enrollment_v1_StudentContact)[];
  'student_details_degraded'?: (boolean);
}

export interface EnrollmentPage__Output {
  'items': (_lms_enrollment_v1_Enrollment__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
  'total_pages': (number);
  'next_cursor': (string);
  'students': (_lms_enrollment_v1_StudentContact__Output)[];
  'student_details_degraded': (boolean);
}
