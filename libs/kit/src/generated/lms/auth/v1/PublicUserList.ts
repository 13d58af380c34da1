// Original file: protos/lms/auth/v1/auth.proto

import type { PublicUser as _lms_auth_v1_PublicUser, PublicUser__Output as _lms_auth_v1_PublicUser__Output } from '../../../lms/auth/v1/PublicUser';

export interface PublicUserList {
  'items'?: (_lms_auth_v1_PublicUser)[];
}

export interface PublicUserList__Output {
  'items': (_lms_auth_v1_PublicUser__Output)[];
}
