// Original file: protos/lms/auth/v1/auth.proto


export interface CreateUserRequest {
  'email'?: (string);
  'password'?: (string);
  'full_name'?: (string);
  'role'?: (string);
}

export interface CreateUserRequest__Output {
  'email': (string);
  'password': (string);
  'full_name': (string);
  'role': (string);
}
