// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { MyEnrollment as _lms_enrollment_v1_MyEnrollment, MyEnrollment__Output as _lms_enrollment_v1_MyEnrollment__Output } from '../../../lms/enrollment/v1/MyEnrollment';

export interface MyEnrollmentPage {
  'items'?: (_lms_enrollment_v1_MyEnrollment)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
  'total_pages'?: (number);
  'course_details_degraded'?: (boolean);
}

export interface MyEnrollmentPage__Output {
  'items': (_lms_enrollment_v1_MyEnrollment__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
  'total_pages': (number);
  'course_details_degraded': (boolean);
}
