// Original file: protos/lms/analytics/v1/analytics.proto

import type { StudentProgressSummary as _lms_analytics_v1_StudentProgressSummary, StudentProgressSummary__Output as _lms_analytics_v1_StudentProgressSummary__Output } from '../../../lms/analytics/v1/StudentProgressSummary';
import type { StudentCourseProgress as _lms_analytics_v1_StudentCourseProgress, StudentCourseProgress__Output as _lms_analytics_v1_StudentCourseProgress__Output } from '../../../lms/analytics/v1/StudentCourseProgress';
import type { ActivityDay as _lms_analytics_v1_ActivityDay, ActivityDay__Output as _lms_analytics_v1_ActivityDay__Output } from '../../../lms/analytics/v1/ActivityDay';
import type { Achievement as _lms_analytics_v1_Achievement, Achievement__Output as _lms_analytics_v1_Achievement__Output } from '../../../lms/analytics/v1/Achievement';
import type { Recommendation as _lms_analytics_v1_Recommendation, Recommendation__Output as _lms_analytics_v1_Recommendation__Output } from '../../../lms/analytics/v1/Recommendation';

export interface StudentDashboard {
  'student_id'?: (string);
  'student_name'?: (string);
  'summary'?: (_lms_analytics_v1_StudentProgressSummary | null);
  'courses'?: (_lms_analytics_v1_StudentCourseProgress)[];
  'recent_activity'?: (_lms_analytics_v1_ActivityDay)[];
  'achievements'?: (_lms_analytics_v1_Achievement)[];
  'recommendations'?: (_lms_analytics_v1_Recommendation)[];
}

export interface StudentDashboard__Output {
  'student_id': (string);
  'student_name': (string);
  'summary': (_lms_analytics_v1_StudentProgressSummary__Output | null);
  'courses': (_lms_analytics_v1_StudentCourseProgress__Output)[];
  'recent_activity': (_lms_analytics_v1_ActivityDay__Output)[];
  'achievements': (_lms_analytics_v1_Achievement__Output)[];
  'recommendations': (_lms_analytics_v1_Recommendation__Output)[];
}
