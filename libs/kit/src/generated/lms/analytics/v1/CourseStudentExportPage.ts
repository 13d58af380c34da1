// Original file: protos/lms/analytics/v1/analytics.proto

import type { CourseStudentRow as _lms_analytics_v1_CourseStudentRow, CourseStudentRow__Output as _lms_analytics_v1_CourseStudentRow__Output } from '../../../lms/analytics/v1/CourseStudentRow';

export interface CourseStudentExportPage {
  'course_id'?: (string);
  'course_title'?: (string);
  'rows'?: (_lms_analytics_v1_CourseStudentRow)[];
  'next_cursor'?: (string);
}

export interface CourseStudentExportPage__Output {
  'course_id': (string);
  'course_title': (string);
  'rows': (_lms_analytics_v1_CourseStudentRow__Output)[];
  'next_cursor': (string);
}
