// Original file: protos/lms/analytics/v1/analytics.proto


export interface MostWatchedLesson {
  'lesson_id'?: (string);
  'lesson_title'?: (string);
  'total_time_hours'?: (number | string);
  'students_started'?: (number);
}

export interface MostWatchedLesson__Output {
  'lesson_id': (string);
  'lesson_title': (string);
  'total_time_hours': (number);
  'students_started': (number);
}
