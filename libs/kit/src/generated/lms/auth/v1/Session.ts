// Original file: protos/lms/auth/v1/auth.proto


export interface Session {
  'id'?: (string);
  'created_at'?: (string);
  'last_used_at'?: (string);
  'expires_at'?: (string);
  'user_agent'?: (string);
  'ip'?: (string);
  'current'?: (boolean);
}

export interface Session__Output {
  'id': (string);
  'created_at': (string);
  'last_used_at': (string);
  'expires_at': (string);
  'user_agent': (string);
  'ip': (string);
  'current': (boolean);
}
