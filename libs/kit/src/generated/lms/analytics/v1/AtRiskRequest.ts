// Original file: protos/lms/analytics/v1/analytics.proto


export interface AtRiskRequest {
  'course_id'?: (string);
  'inactivity_days'?: (number);
  'limit'?: (number);
}

export interface AtRiskRequest__Output {
  'course_id': (string);
  'inactivity_days': (number);
  'limit': (number);
}
