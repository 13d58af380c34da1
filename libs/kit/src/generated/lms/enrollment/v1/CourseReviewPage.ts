// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { CourseReview as _lms_enrollment_v1_CourseReview, CourseReview__Output as _lms_enrollment_v1_CourseReview__Output } from '../../../lms/enrollment/v1/CourseReview';

export interface CourseReviewPage {
  'items'?: (_lms_enrollment_v1_CourseReview)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
  'total_pages'?: (number);
}

export interface CourseReviewPage__Output {
  'items': (_lms_enrollment_v1_CourseReview__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
  'total_pages': (number);
}
