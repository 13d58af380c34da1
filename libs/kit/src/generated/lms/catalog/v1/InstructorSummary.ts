// Original file: protos/lms/catalog/v1/catalog.proto


export interface InstructorSummary {
  'id'?: (string);
  'full_name'?: (string);
  'bio'?: (string);
  'avatar_url'?: (string);
}

export interface InstructorSummary__Output {
  'id': (string);
  'full_name': (string);
  'bio': (string);
  'avatar_url': (string);
}
