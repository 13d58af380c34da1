// Original file: protos/lms/certificate/v1/certificate.proto


export interface ReportCourse {
  'course_title'?: (string);
  'progress_percentage'?: (number | string);
  'completed_lessons'?: (number);
  'total_lessons'?: (number);
  'time_spent_hours'?: (number | string);
  'status'?: (string);
  'average_quiz_score'?: (number | string);
}

export interface ReportCourse__Output {
  'course_title': (string);
  'progress_percentage': (number);
  'completed_lessons': (number);
  'total_lessons': (number);
  'time_spent_hours': (number);
  'status': (string);
  'average_quiz_score': (number);
}
