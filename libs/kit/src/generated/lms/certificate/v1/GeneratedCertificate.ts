// Original file: protos/lms/certificate/v1/certificate.proto

import type { Certificate as _lms_certificate_v1_Certificate, Certificate__Output as _lms_certificate_v1_Certificate__Output } from '../../../lms/certificate/v1/Certificate';

export interface GeneratedCertificate {
  'certificate'?: (_lms_certificate_v1_Certificate | null);
  'created'?: (boolean);
}

export interface GeneratedCertificate__Output {
  'certificate': (_lms_certificate_v1_Certificate__Output | null);
  'created': (boolean);
}
