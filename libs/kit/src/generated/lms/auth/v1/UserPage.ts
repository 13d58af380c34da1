// Original file: protos/lms/auth/v1/auth.proto

import type { User as _lms_auth_v1_User, User__Output as _lms_auth_v1_User__Output } from '../../../lms/auth/v1/User';

export interface UserPage {
  'items'?: (_lms_auth_v1_User)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
  'total_pages'?: (number);
}

export interface UserPage__Output {
  'items': (_lms_auth_v1_User__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
  'total_pages': (number);
}
