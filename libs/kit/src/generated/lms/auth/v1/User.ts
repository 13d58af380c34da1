// Original file: protos/lms/auth/v1/auth.proto


export interface User {
  'id'?: (string);
  'email'?: (string);
  'full_name'?: (string);
  'role'?: (string);
  'is_active'?: (boolean);
  'email_verified'?: (boolean);
  'bio'?: (string);
  'avatar_url'?: (string);
  'created_at'?: (string);
  'updated_at'?: (string);
  'last_login_at'?: (string);
  'phone'?: (string);
}

export interface User__Output {
  'id': (string);
  'email': (string);
  'full_name': (string);
  'role': (string);
  'is_active': (boolean);
  'email_verified': (boolean);
  'bio': (string);
  'avatar_url': (string);
  'created_at': (string);
  'updated_at': (string);
  'last_login_at': (string);
  'phone': (string);
}
