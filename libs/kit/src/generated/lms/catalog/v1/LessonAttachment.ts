// Original file: protos/lms/catalog/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface LessonAttachment {
  'file_id'?: (string);
  'filename'?: (string);
  'file_type'?: (string);
  'mime_type'?: (string);
  'file_size'?: (number | string | Long);
}

export interface LessonAttachment__Output {
  'file_id': (string);
  'filename': (string);
  'file_type': (string);
  'mime_type': (string);
  'file_size': (string);
}
