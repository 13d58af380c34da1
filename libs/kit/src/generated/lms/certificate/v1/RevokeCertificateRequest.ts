// Original file: protos/lms/certificate/v1/certificate.proto


export interface RevokeCertificateRequest {
  'certificate_id'?: (string);
  'reason'?: (string);
}

export interface RevokeCertificateRequest__Output {
  'certificate_id': (string);
  'reason': (string);
}
