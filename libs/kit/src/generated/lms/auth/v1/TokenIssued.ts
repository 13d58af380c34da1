// Original file: protos/lms/auth/v1/auth.proto


export interface TokenIssued {
  'token'?: (string);
  'expires_at'?: (string);
}

export interface TokenIssued__Output {
  'token': (string);
  'expires_at': (string);
}
