// Original file: protos/lms/auth/v1/auth.proto


export interface PasswordResetRequest {
  'email'?: (string);
}

export interface PasswordResetRequest__Output {
  'email': (string);
}
