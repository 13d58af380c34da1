// Original file: protos/lms/certificate/v1/certificate.proto


export interface CertificateIdRequest {
  'certificate_id'?: (string);
}

export interface CertificateIdRequest__Output {
  'certificate_id': (string);
}
