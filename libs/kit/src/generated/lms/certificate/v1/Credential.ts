// Original file: protos/lms/certificate/v1/certificate.proto


export interface Credential {
  'credential_json'?: (string);
  'jwt'?: (string);
  'media_type'?: (string);
}

export interface Credential__Output {
  'credential_json': (string);
  'jwt': (string);
  'media_type': (string);
}
