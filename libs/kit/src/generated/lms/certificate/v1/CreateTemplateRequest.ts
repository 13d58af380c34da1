// Original file: protos/lms/certificate/v1/certificate.proto


export interface CreateTemplateRequest {
  'name'?: (string);
  'description'?: (string);
  'html_template'?: (string);
  'css_styles'?: (string);
  'is_default'?: (boolean);
  'is_active'?: (boolean);
  'course_id'?: (string);
}

export interface CreateTemplateRequest__Output {
  'name': (string);
  'description': (string);
  'html_template': (string);
  'css_styles': (string);
  'is_default': (boolean);
  'is_active': (boolean);
  'course_id': (string);
}
