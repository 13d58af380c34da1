// Original file: protos/lms/catalog/v1/catalog.proto


export interface UpdateSectionRequest {
  'section_id'?: (string);
  'fields'?: (string)[];
  'title'?: (string);
  'description'?: (string);
}

export interface UpdateSectionRequest__Output {
  'section_id': (string);
  'fields': (string)[];
  'title': (string);
  'description': (string);
}
