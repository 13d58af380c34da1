// Original file: protos/lms/analytics/v1/analytics.proto

import type { MostWatchedLesson as _lms_analytics_v1_MostWatchedLesson, MostWatchedLesson__Output as _lms_analytics_v1_MostWatchedLesson__Output } from '../../../lms/analytics/v1/MostWatchedLesson';

export interface CourseEngagement {
  'course_id'?: (string);
  'daily_active_users'?: (number);
  'weekly_active_users'?: (number);
  'monthly_active_users'?: (number);
  'average_session_duration'?: (number | string);
  'total_watch_time_hours'?: (number | string);
  'dropout_rate'?: (number | string);
  'most_watched_lesson'?: (_lms_analytics_v1_MostWatchedLesson | null);
}

export interface CourseEngagement__Output {
  'course_id': (string);
  'daily_active_users': (number);
  'weekly_active_users': (number);
  'monthly_active_users': (number);
  'average_session_duration': (number);
  'total_watch_time_hours': (number);
  'dropout_rate': (number);
  'most_watched_lesson': (_lms_analytics_v1_MostWatchedLesson__Output | null);
}
