// Original file: protos/lms/auth/v1/auth.proto


export interface UpdateUserRequest {
  'user_id'?: (string);
  'fields'?: (string)[];
  'full_name'?: (string);
  'bio'?: (string);
  'avatar_url'?: (string);
  'role'?: (string);
  'is_active'?: (boolean);
  'email_verified'?: (boolean);
  'phone'?: (string);
  'email'?: (string);
}

export interface UpdateUserRequest__Output {
  'user_id': (string);
  'fields': (string)[];
  'full_name': (string);
  'bio': (string);
  'avatar_url': (string);
  'role': (string);
  'is_active': (boolean);
  'email_verified': (boolean);
  'phone': (string);
  'email': (string);
}
