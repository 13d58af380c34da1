// Original file: protos/lms/catalog/v1/catalog.proto


export interface SectionIdRequest {
  'section_id'?: (string);
}

export interface SectionIdRequest__Output {
  'section_id': (string);
}
