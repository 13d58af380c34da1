// Original file: protos/lms/auth/v1/auth.proto


export interface UpdateProfileRequest {
  'fields'?: (string)[];
  'full_name'?: (string);
  'bio'?: (string);
  'avatar_url'?: (string);
  'phone'?: (string);
  'email'?: (string);
  'current_password'?: (string);
}

export interface UpdateProfileRequest__Output {
  'fields': (string)[];
  'full_name': (string);
  'bio': (string);
  'avatar_url': (string);
  'phone': (string);
  'email': (string);
  'current_password': (string);
}
