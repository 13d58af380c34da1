// Original file: protos/lms/certificate/v1/certificate.proto


export interface TemplateIdRequest {
  'template_id'?: (string);
}

export interface TemplateIdRequest__Output {
  'template_id': (string);
}
