// Original file: protos/lms/catalog/v1/catalog.proto


export interface SectionOrder {
  'section_id'?: (string);
  'lesson_ids'?: (string)[];
}

export interface SectionOrder__Output {
  'section_id': (string);
  'lesson_ids': (string)[];
}
