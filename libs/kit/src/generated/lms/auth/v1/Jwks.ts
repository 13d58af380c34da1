// Original file: protos/lms/auth/v1/auth.proto

import type { Jwk as _lms_auth_v1_Jwk, Jwk__Output as _lms_auth_v1_Jwk__Output } from '../../../lms/auth/v1/Jwk';

export interface Jwks {
  'keys'?: (_lms_auth_v1_Jwk)[];
}

export interface Jwks__Output {
  'keys': (_lms_auth_v1_Jwk__Output)[];
}
