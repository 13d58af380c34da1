// Original file: protos/lms/certificate/v1/certificate.proto


export interface ReportFigure {
  'label'?: (string);
  'value'?: (string);
}

export interface ReportFigure__Output {
  'label': (string);
  'value': (string);
}
