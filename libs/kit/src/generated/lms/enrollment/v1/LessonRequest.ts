// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface LessonRequest {
  'enrollment_id'?: (string);
  'lesson_id'?: (string);
}

export interface LessonRequest__Output {
  'enrollment_id': (string);
  'lesson_id': (string);
}
