// Original file: protos/lms/catalog/v1/catalog.proto

import type { Category as _lms_catalog_v1_Category, Category__Output as _lms_catalog_v1_Category__Output } from '../../../lms/catalog/v1/Category';

export interface CategoryList {
  'items'?: (_lms_catalog_v1_Category)[];
}

export interface CategoryList__Output {
  'items': (_lms_catalog_v1_Category__Output)[];
}
