// Original file: protos/lms/auth/v1/auth.proto


export interface ResolveUsersByEmailRequest {
  'emails'?: (string)[];
}

export interface ResolveUsersByEmailRequest__Output {
  'emails': (string)[];
}
