// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { Enrollment as _lms_enrollment_v1_Enrollment, Enrollment__Output as _lms_enrollment_v1_Enrollment__Output } from '../../../lms/enrollment/v1/Enrollment';
import type { LessonProgressItem as _lms_enrollment_v1_LessonProgressItem, LessonProgressItem__Output as _lms_enrollment_v1_LessonProgressItem__Output } from '../../../lms/enrollment/v1/LessonProgressItem';

export interface EnrollmentProgress {
  'enrollment'?: (_lms_enrollment_v1_Enrollment | null);
  'lessons'?: (_lms_enrollment_v1_LessonProgressItem)[];
}

export interface EnrollmentProgress__Output {
  'enrollment': (_lms_enrollment_v1_Enrollment__Output | null);
  'lessons': (_lms_enrollment_v1_LessonProgressItem__Output)[];
}
