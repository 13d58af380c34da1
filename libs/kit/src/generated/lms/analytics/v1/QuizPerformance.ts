// Original file: protos/lms/analytics/v1/analytics.proto

import type { DifficultQuestion as _lms_analytics_v1_DifficultQuestion, DifficultQuestion__Output as _lms_analytics_v1_DifficultQuestion__Output } from '../../../lms/analytics/v1/DifficultQuestion';

export interface QuizPerformance {
  'quiz_id'?: (string);
  'quiz_title'?: (string);
  'total_attempts'?: (number);
  'unique_students'?: (number);
  'average_score'?: (number | string);
  'pass_rate'?: (number | string);
  'average_time_spent'?: (number | string);
  'difficult_questions'?: (_lms_analytics_v1_DifficultQuestion)[];
}

export interface QuizPerformance__Output {
  'quiz_id': (string);
  'quiz_title': (string);
  'total_attempts': (number);
  'unique_students': (number);
  'average_score': (number);
  'pass_rate': (number);
  'average_time_spent': (number);
  'difficult_questions': (_lms_analytics_v1_DifficultQuestion__Output)[];
}
