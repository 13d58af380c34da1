// Original file: protos/lms/certificate/v1/certificate.proto


export interface StatusListRequest {
  'list_id'?: (string);
}

export interface StatusListRequest__Output {
  'list_id': (string);
}
