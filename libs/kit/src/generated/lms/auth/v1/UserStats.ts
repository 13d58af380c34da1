// Original file: protos/lms/auth/v1/auth.proto


export interface UserStats {
  'user_id'?: (string);
  'created_at'?: (string);
  'last_login_at'?: (string);
  'active_sessions'?: (number);
  'role'?: (string);
  'is_active'?: (boolean);
  'email_verified'?: (boolean);
}

export interface UserStats__Output {
  'user_id': (string);
  'created_at': (string);
  'last_login_at': (string);
  'active_sessions': (number);
  'role': (string);
  'is_active': (boolean);
  'email_verified': (boolean);
}
