// Original file: protos/lms/analytics/v1/analytics.proto


export interface RiskReason {
  'code'?: (string);
  'detail'?: (string);
}

export interface RiskReason__Output {
  'code': (string);
  'detail': (string);
}
