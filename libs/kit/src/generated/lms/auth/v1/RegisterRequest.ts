// Original file: protos/lms/auth/v1/auth.proto


export interface RegisterRequest {
  'email'?: (string);
  'password'?: (string);
  'full_name'?: (string);
  'role'?: (string);
}

export interface RegisterRequest__Output {
  'email': (string);
  'password': (string);
  'full_name': (string);
  'role': (string);
}
