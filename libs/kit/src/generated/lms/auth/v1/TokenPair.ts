// Original file: protos/lms/auth/v1/auth.proto

import type { User as _lms_auth_v1_User, User__Output as _lms_auth_v1_User__Output } from '../../../lms/auth/v1/User';

export interface TokenPair {
  'access_token'?: (string);
  'refresh_token'?: (string);
  'token_type'?: (string);
  'expires_in'?: (number);
  'session_id'?: (string);
  'user'?: (_lms_auth_v1_User | null);
  'refresh_expires_at'?: (string);
}

export interface TokenPair__Output {
  'access_token': (string);
  'refresh_token': (string);
  'token_type': (string);
  'expires_in': (number);
  'session_id': (string);
  'user': (_lms_auth_v1_User__Output | null);
  'refresh_expires_at': (string);
}
