// Original file: protos/lms/certificate/v1/certificate.proto


export interface VerifyCertificateRequest {
  'certificate_number'?: (string);
}

export interface VerifyCertificateRequest__Output {
  'certificate_number': (string);
}
