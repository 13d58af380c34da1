// Original file: protos/lms/certificate/v1/certificate.proto

import type { PublicCertificate as _lms_certificate_v1_PublicCertificate, PublicCertificate__Output as _lms_certificate_v1_PublicCertificate__Output } from '../../../lms/certificate/v1/PublicCertificate';

export interface Verification {
  'valid'?: (boolean);
  'found'?: (boolean);
  'certificate'?: (_lms_certificate_v1_PublicCertificate | null);
  'message'?: (string);
}

export interface Verification__Output {
  'valid': (boolean);
  'found': (boolean);
  'certificate': (_lms_certificate_v1_PublicCertificate__Output | null);
  'message': (string);
}
