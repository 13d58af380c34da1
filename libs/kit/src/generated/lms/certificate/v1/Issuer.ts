// Original file: protos/lms/certificate/v1/certificate.proto


export interface Issuer {
  'did'?: (string);
  'did_document_json'?: (string);
  'jwks_json'?: (string);
}

export interface Issuer__Output {
  'did': (string);
  'did_document_json': (string);
  'jwks_json': (string);
}
