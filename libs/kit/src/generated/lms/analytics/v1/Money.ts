// Original file: protos/lms/analytics/v1/analytics.proto


export interface Money {
  'currency'?: (string);
  'amount'?: (number | string);
}

export interface Money__Output {
  'currency': (string);
  'amount': (number);
}
