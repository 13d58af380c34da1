// Original file: protos/lms/auth/v1/auth.proto

import type { PublicUser as _lms_auth_v1_PublicUser, PublicUser__Output as _lms_auth_v1_PublicUser__Output } from '../../../lms/auth/v1/PublicUser';

export interface ResolvedUser {
  'email'?: (string);
  'user'?: (_lms_auth_v1_PublicUser | null);
  'is_active'?: (boolean);
}

export interface ResolvedUser__Output {
  'email': (string);
  'user': (_lms_auth_v1_PublicUser__Output | null);
  'is_active': (boolean);
}
