// Original file: protos/lms/certificate/v1/certificate.proto


export interface UpdateTemplateRequest {
  'template_id'?: (string);
  'fields'?: (string)[];
  'name'?: (string);
  'description'?: (string);
  'html_template'?: (string);
  'css_styles'?: (string);
  'is_default'?: (boolean);
  'is_active'?: (boolean);
}

export interface UpdateTemplateRequest__Output {
  'template_id': (string);
  'fields': (string)[];
  'name': (string);
  'description': (string);
  'html_template': (string);
  'css_styles': (string);
  'is_default': (boolean);
  'is_active': (boolean);
}
