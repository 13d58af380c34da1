// Original file: protos/lms/auth/v1/auth.proto


export interface PasswordResetConfirm {
  'token'?: (string);
  'new_password'?: (string);
}

export interface PasswordResetConfirm__Output {
  'token': (string);
  'new_password': (string);
}
