// Original file: protos/lms/analytics/v1/analytics.proto


export interface UserGrowthPoint {
  'date'?: (string);
  'new_users'?: (number);
  'total_users'?: (number);
}

export interface UserGrowthPoint__Output {
  'date': (string);
  'new_users': (number);
  'total_users': (number);
}
