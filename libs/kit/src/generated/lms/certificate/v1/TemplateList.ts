// Original file: protos/lms/certificate/v1/certificate.proto

import type { Template as _lms_certificate_v1_Template, Template__Output as _lms_certificate_v1_Template__Output } from '../../../lms/certificate/v1/Template';

export interface TemplateList {
  'templates'?: (_lms_certificate_v1_Template)[];
}

export interface TemplateList__Output {
  'templates': (_lms_certificate_v1_Template__Output)[];
}
