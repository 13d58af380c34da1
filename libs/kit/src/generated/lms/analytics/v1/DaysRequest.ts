// Original file: protos/lms/analytics/v1/analytics.proto


export interface DaysRequest {
  'days'?: (number);
}

export interface DaysRequest__Output {
  'days': (number);
}
