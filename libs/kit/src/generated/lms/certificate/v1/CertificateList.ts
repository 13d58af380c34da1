// Original file: protos/lms/certificate/v1/certificate.proto

import type { Certificate as _lms_certificate_v1_Certificate, Certificate__Output as _lms_certificate_v1_Certificate__Output } from '../../../lms/certificate/v1/Certificate';

export interface CertificateList {
  'certificates'?: (_lms_certificate_v1_Certificate)[];
  'total'?: (number);
}

export interface CertificateList__Output {
  'certificates': (_lms_certificate_v1_Certificate__Output)[];
  'total': (number);
}
