// Original file: protos/lms/certificate/v1/certificate.proto


export interface CertificatePdf {
  'content'?: (Buffer | Uint8Array | string);
  'filename'?: (string);
}

export interface CertificatePdf__Output {
  'content': (Buffer);
  'filename': (string);
}
