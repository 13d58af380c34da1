// Original file: protos/lms/certificate/v1/certificate.proto


export interface StatusList {
  'jwt'?: (string);
  'credential_json'?: (string);
}

export interface StatusList__Output {
  'jwt': (string);
  'credential_json': (string);
}
