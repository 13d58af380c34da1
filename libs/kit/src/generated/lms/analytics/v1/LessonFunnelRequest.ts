// Original file: protos/lms/analytics/v1/analytics.proto


export interface LessonFunnelRequest {
  'course_id'?: (string);
  'inactivity_days'?: (number);
}

export interface LessonFunnelRequest__Output {
  'course_id': (string);
  'inactivity_days': (number);
}
