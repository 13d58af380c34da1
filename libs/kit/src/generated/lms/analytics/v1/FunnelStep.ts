// Original file: protos/lms/analytics/v1/analytics.proto


export interface FunnelStep {
  'lesson_id'?: (string);
  'lesson_title'?: (string);
  'position'?: (number);
  'reached'?: (number);
  'completed'?: (number);
  'stopped_here'?: (number);
}

export interface FunnelStep__Output {
  'lesson_id': (string);
  'lesson_title': (string);
  'position': (number);
  'reached': (number);
  'completed': (number);
  'stopped_here': (number);
}
