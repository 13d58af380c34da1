// Original file: protos/lms/certificate/v1/certificate.proto


export interface Template {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'html_template'?: (string);
  'css_styles'?: (string);
  'is_default'?: (boolean);
  'is_active'?: (boolean);
  'course_id'?: (string);
  'created_at'?: (string);
  'updated_at'?: (string);
  'built_in'?: (boolean);
}

export interface Template__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  'html_template': (string);
  'css_styles': (string);
  'is_default': (boolean);
  'is_active': (boolean);
  'course_id': (string);
  'created_at': (string);
  'updated_at': (string);
  'built_in': (boolean);
}
