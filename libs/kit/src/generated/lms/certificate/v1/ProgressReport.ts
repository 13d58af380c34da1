// Original file: protos/lms/certificate/v1/certificate.proto

import type { ReportFigure as _lms_certificate_v1_ReportFigure, ReportFigure__Output as _lms_certificate_v1_ReportFigure__Output } from '../../../lms/certificate/v1/ReportFigure';
import type { ReportCourse as _lms_certificate_v1_ReportCourse, ReportCourse__Output as _lms_certificate_v1_ReportCourse__Output } from '../../../lms/certificate/v1/ReportCourse';

export interface ProgressReport {
  'student_name'?: (string);
  'generated_at'?: (string);
  'summary'?: (_lms_certificate_v1_ReportFigure)[];
  'courses'?: (_lms_certificate_v1_ReportCourse)[];
  'locale'?: (string);
}

export interface ProgressReport__Output {
  'student_name': (string);
  'generated_at': (string);
  'summary': (_lms_certificate_v1_ReportFigure__Output)[];
  'courses': (_lms_certificate_v1_ReportCourse__Output)[];
  'locale': (string);
}
