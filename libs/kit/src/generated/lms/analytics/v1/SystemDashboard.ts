// Original file: protos/lms/analytics/v1/analytics.proto

import type { SystemOverview as _lms_analytics_v1_SystemOverview, SystemOverview__Output as _lms_analytics_v1_SystemOverview__Output } from '../../../lms/analytics/v1/SystemOverview';
import type { UserGrowthPoint as _lms_analytics_v1_UserGrowthPoint, UserGrowthPoint__Output as _lms_analytics_v1_UserGrowthPoint__Output } from '../../../lms/analytics/v1/UserGrowthPoint';
import type { EnrollmentTrendPoint as _lms_analytics_v1_EnrollmentTrendPoint, EnrollmentTrendPoint__Output as _lms_analytics_v1_EnrollmentTrendPoint__Output } from '../../../lms/analytics/v1/EnrollmentTrendPoint';
import type { PopularCourse as _lms_analytics_v1_PopularCourse, PopularCourse__Output as _lms_analytics_v1_PopularCourse__Output } from '../../../lms/analytics/v1/PopularCourse';
import type { TopInstructor as _lms_analytics_v1_TopInstructor, TopInstructor__Output as _lms_analytics_v1_TopInstructor__Output } from '../../../lms/analytics/v1/TopInstructor';
import type { RevenueSummary as _lms_analytics_v1_RevenueSummary, RevenueSummary__Output as _lms_analytics_v1_RevenueSummary__Output } from '../../../lms/analytics/v1/RevenueSummary';

export interface SystemDashboard {
  'overview'?: (_lms_analytics_v1_SystemOverview | null);
  'user_growth'?: (_lms_analytics_v1_UserGrowthPoint)[];
  'enrollment_trend'?: (_lms_analytics_v1_EnrollmentTrendPoint)[];
  'popular_courses'?: (_lms_analytics_v1_PopularCourse)[];
  'top_instructors'?: (_lms_analytics_v1_TopInstructor)[];
  'revenue_summary'?: (_lms_analytics_v1_RevenueSummary | null);
}

export interface SystemDashboard__Output {
  'overview': (_lms_analytics_v1_SystemOverview__Output | null);
  'user_growth': (_lms_analytics_v1_UserGrowthPoint__Output)[];
  'enrollment_trend': (_lms_analytics_v1_EnrollmentTrendPoint__Output)[];
  'popular_courses': (_lms_analytics_v1_PopularCourse__Output)[];
  'top_instructors': (_lms_analytics_v1_TopInstructor__Output)[];
  'revenue_summary': (_lms_analytics_v1_RevenueSummary__Output | null);
}
