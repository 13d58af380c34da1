// Original file: protos/lms/catalog/v1/catalog.proto

import type { SectionOrder as _lms_catalog_v1_SectionOrder, SectionOrder__Output as _lms_catalog_v1_SectionOrder__Output } from '../../../lms/catalog/v1/SectionOrder';

export interface ReorderRequest {
  'course_id'?: (string);
  'sections'?: (_lms_catalog_v1_SectionOrder)[];
}

export interface ReorderRequest__Output {
  'course_id': (string);
  'sections': (_lms_catalog_v1_SectionOrder__Output)[];
}
