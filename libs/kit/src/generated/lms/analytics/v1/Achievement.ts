// Original file: protos/lms/analytics/v1/analytics.proto


export interface Achievement {
  'kind'?: (string);
  'title'?: (string);
  'course_id'?: (string);
  'course_title'?: (string);
  'achieved_at'?: (string);
  'value'?: (number);
  'certificate_number'?: (string);
}

export interface Achievement__Output {
  'kind': (string);
  'title': (string);
  'course_id': (string);
  'course_title': (string);
  'achieved_at': (string);
  'value': (number);
  'certificate_number': (string);
}
