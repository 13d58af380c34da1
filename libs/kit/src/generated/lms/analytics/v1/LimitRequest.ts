// Original file: protos/lms/analytics/v1/analytics.proto


export interface LimitRequest {
  'limit'?: (number);
}

export interface LimitRequest__Output {
  'limit': (number);
}
