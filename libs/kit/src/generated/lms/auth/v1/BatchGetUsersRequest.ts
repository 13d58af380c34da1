// Original file: protos/lms/auth/v1/auth.proto


export interface BatchGetUsersRequest {
  'ids'?: (string)[];
}

export interface BatchGetUsersRequest__Output {
  'ids': (string)[];
}
