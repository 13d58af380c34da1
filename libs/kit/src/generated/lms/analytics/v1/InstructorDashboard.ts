// Original file: protos/lms/analytics/v1/analytics.proto

import type { InstructorStats as _lms_analytics_v1_InstructorStats, InstructorStats__Output as _lms_analytics_v1_InstructorStats__Output } from '../../../lms/analytics/v1/InstructorStats';
import type { InstructorCoursePerformance as _lms_analytics_v1_InstructorCoursePerformance, InstructorCoursePerformance__Output as _lms_analytics_v1_InstructorCoursePerformance__Output } from '../../../lms/analytics/v1/InstructorCoursePerformance';
import type { RecentEnrollment as _lms_analytics_v1_RecentEnrollment, RecentEnrollment__Output as _lms_analytics_v1_RecentEnrollment__Output } from '../../../lms/analytics/v1/RecentEnrollment';
import type { RecentReview as _lms_analytics_v1_RecentReview, RecentReview__Output as _lms_analytics_v1_RecentReview__Output } from '../../../lms/analytics/v1/RecentReview';
import type { StudentFeedback as _lms_analytics_v1_StudentFeedback, StudentFeedback__Output as _lms_analytics_v1_StudentFeedback__Output } from '../../../lms/analytics/v1/StudentFeedback';

export interface InstructorDashboard {
  'instructor_id'?: (string);
  'instructor_name'?: (string);
  'stats'?: (_lms_analytics_v1_InstructorStats | null);
  'courses'?: (_lms_analytics_v1_InstructorCoursePerformance)[];
  'recent_enrollments'?: (_lms_analytics_v1_RecentEnrollment)[];
  'recent_reviews'?: (_lms_analytics_v1_RecentReview)[];
  'student_feedback'?: (_lms_analytics_v1_StudentFeedback | null);
}

export interface InstructorDashboard__Output {
  'instructor_id': (string);
  'instructor_name': (string);
  'stats': (_lms_analytics_v1_InstructorStats__Output | null);
  'courses': (_lms_analytics_v1_InstructorCoursePerformance__Output)[];
  'recent_enrollments': (_lms_analytics_v1_RecentEnrollment__Output)[];
  'recent_reviews': (_lms_analytics_v1_RecentReview__Output)[];
  'student_feedback': (_lms_analytics_v1_StudentFeedback__Output | null);
}
