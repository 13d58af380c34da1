// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { Enrollment as _lms_enrollment_v1_Enrollment, Enrollment__Output as _lms_enrollment_v1_Enrollment__Output } from '../../../lms/enrollment/v1/Enrollment';
import type { CourseSummary as _lms_enrollment_v1_CourseSummary, CourseSummary__Output as _lms_enrollment_v1_CourseSummary__Output } from '../../../lms/enrollment/v1/CourseSummary';

export interface MyEnrollment {
  'enrollment'?: (_lms_enrollment_v1_Enrollment | null);
  'course'?: (_lms_enrollment_v1_CourseSummary | null);
  'time_spent_hours'?: (number | string);
}

export interface MyEnrollment__Output {
  'enrollment': (_lms_enrollment_v1_Enrollment__Output | null);
  'course': (_lms_enrollment_v1_CourseSummary__Output | null);
  'time_spent_hours': (number);
}
