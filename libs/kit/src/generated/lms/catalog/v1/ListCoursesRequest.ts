// Original file: protos/lms/catalog/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface ListCoursesRequest {
  'page'?: (number);
  'page_size'?: (number);
  'category'?: (string);
  'difficulty_level'?: (string);
  'instructor_id'?: (string);
  'min_price_cents'?: (number | string | Long);
  'max_price_cents'?: (number | string | Long);
  'is_free'?: (string);
  'search'?: (string);
  'sort'?: (string);
  'include_unpublished'?: (boolean);
  'language'?: (string);
}

export interface ListCoursesRequest__Output {
  'page': (number);
  'page_size': (number);
  'category': (string);
  'difficulty_level': (string);
  'instructor_id': (string);
  'min_price_cents': (string);
  'max_price_cents': (string);
  'is_free': (string);
  'search': (string);
  'sort': (string);
  'include_unpublished': (boolean);
  'language': (string);
}
