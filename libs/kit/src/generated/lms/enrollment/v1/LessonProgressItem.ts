// Original file: protos/lms/enrollment/v1/enrollment.proto

import type { LessonProgress as _lms_enrollment_v1_LessonProgress, LessonProgress__Output as _lms_enrollment_v1_LessonProgress__Output } from '../../../lms/enrollment/v1/LessonProgress';

export interface LessonProgressItem {
  'lesson_id'?: (string);
  'section_id'?: (string);
  'position'?: (number);
  'lesson_type'?: (string);
  'is_countable'?: (boolean);
  'is_locked'?: (boolean);
  'unlock_at'?: (string);
  'progress'?: (_lms_enrollment_v1_LessonProgress | null);
  'lesson_title'?: (string);
}

export interface LessonProgressItem__Output {
  'lesson_id': (string);
  'section_id': (string);
  'position': (number);
  'lesson_type': (string);
  'is_countable': (boolean);
  'is_locked': (boolean);
  'unlock_at': (string);
  'progress': (_lms_enrollment_v1_LessonProgress__Output | null);
  'lesson_title': (string);
}
