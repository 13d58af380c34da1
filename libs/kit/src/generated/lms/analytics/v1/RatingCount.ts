// Original file: protos/lms/analytics/v1/analytics.proto


export interface RatingCount {
  'rating'?: (number);
  'count'?: (number);
}

export interface RatingCount__Output {
  'rating': (number);
  'count': (number);
}
