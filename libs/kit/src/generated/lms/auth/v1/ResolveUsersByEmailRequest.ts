// Original file: protos/lms/auth/v1/auth.proto


export interface ResolveUsersByEmailRequest {
  'emails'?: (string)[];
  'course_id'?: (string);
}

export interface ResolveUsersByEmailRequest__Output {
  'emails': (string)[];
  'course_id': (string);
}
