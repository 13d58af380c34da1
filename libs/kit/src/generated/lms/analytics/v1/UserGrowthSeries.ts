// Original file: protos/lms/analytics/v1/analytics.proto

import type { UserGrowthPoint as _lms_analytics_v1_UserGrowthPoint, UserGrowthPoint__Output as _lms_analytics_v1_UserGrowthPoint__Output } from '../../../lms/analytics/v1/UserGrowthPoint';

export interface UserGrowthSeries {
  'data'?: (_lms_analytics_v1_UserGrowthPoint)[];
}

export interface UserGrowthSeries__Output {
  'data': (_lms_analytics_v1_UserGrowthPoint__Output)[];
}
