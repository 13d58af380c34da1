// Original file: protos/lms/analytics/v1/analytics.proto


export interface OptionalNumber {
  'value'?: (number | string);
}

export interface OptionalNumber__Output {
  'value': (number);
}
