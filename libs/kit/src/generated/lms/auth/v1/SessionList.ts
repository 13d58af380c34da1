// Original file: protos/lms/auth/v1/auth.proto

import type { Session as _lms_auth_v1_Session, Session__Output as _lms_auth_v1_Session__Output } from '../../../lms/auth/v1/Session';

export interface SessionList {
  'items'?: (_lms_auth_v1_Session)[];
}

export interface SessionList__Output {
  'items': (_lms_auth_v1_Session__Output)[];
}
