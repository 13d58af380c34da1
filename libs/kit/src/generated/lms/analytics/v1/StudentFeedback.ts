// Original file: protos/lms/analytics/v1/analytics.proto

import type { OptionalNumber as _lms_analytics_v1_OptionalNumber, OptionalNumber__Output as _lms_analytics_v1_OptionalNumber__Output } from '../../../lms/analytics/v1/OptionalNumber';
import type { RatingCount as _lms_analytics_v1_RatingCount, RatingCount__Output as _lms_analytics_v1_RatingCount__Output } from '../../../lms/analytics/v1/RatingCount';

export interface StudentFeedback {
  'average_rating'?: (_lms_analytics_v1_OptionalNumber | null);
  'total_reviews'?: (number);
  'written_reviews'?: (number);
  'rating_distribution'?: (_lms_analytics_v1_RatingCount)[];
}

export interface StudentFeedback__Output {
  'average_rating': (_lms_analytics_v1_OptionalNumber__Output | null);
  'total_reviews': (number);
  'written_reviews': (number);
  'rating_distribution': (_lms_analytics_v1_RatingCount__Output)[];
}
