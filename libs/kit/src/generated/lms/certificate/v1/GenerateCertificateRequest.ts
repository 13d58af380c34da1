// Original file: protos/lms/certificate/v1/certificate.proto


export interface GenerateCertificateRequest {
  'enrollment_id'?: (string);
}

export interface GenerateCertificateRequest__Output {
  'enrollment_id': (string);
}
