// Original file: protos/lms/auth/v1/auth.proto


export interface UserStats {
  'user_id'?: (string);
  'created_at'?: (string);
  'last_login_at'?: (string);
  'active_sessions'?: (number);
}

export interface UserStats__Output {
  'user_id': (string);
  'created_at': (string);
  'last_login_at': (string);
  'active_sessions': (number);
}
