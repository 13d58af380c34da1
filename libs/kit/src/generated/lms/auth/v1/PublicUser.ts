// Original file: protos/lms/auth/v1/auth.proto


export interface PublicUser {
  'id'?: (string);
  'full_name'?: (string);
  'bio'?: (string);
  'avatar_url'?: (string);
  'role'?: (string);
}

export interface PublicUser__Output {
  'id': (string);
  'full_name': (string);
  'bio': (string);
  'avatar_url': (string);
  'role': (string);
}
