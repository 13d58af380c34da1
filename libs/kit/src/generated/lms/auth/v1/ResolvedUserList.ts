// Original file: protos/lms/auth/v1/auth.proto

import type { ResolvedUser as _lms_auth_v1_ResolvedUser, ResolvedUser__Output as _lms_auth_v1_ResolvedUser__Output } from '../../../lms/auth/v1/ResolvedUser';

export interface ResolvedUserList {
  'items'?: (_lms_auth_v1_ResolvedUser)[];
}

export interface ResolvedUserList__Output {
  'items': (_lms_auth_v1_ResolvedUser__Output)[];
}
