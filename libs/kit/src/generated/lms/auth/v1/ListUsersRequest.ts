// Original file: protos/lms/auth/v1/auth.proto


export interface ListUsersRequest {
  'page'?: (number);
  'page_size'?: (number);
  'role'?: (string);
  'is_active'?: (string);
  'search'?: (string);
}

export interface ListUsersRequest__Output {
  'page': (number);
  'page_size': (number);
  'role': (string);
  'is_active': (string);
  'search': (string);
}
