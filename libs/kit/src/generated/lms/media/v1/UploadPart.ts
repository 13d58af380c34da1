// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface UploadPart {
  'part_number'?: (number);
  'url'?: (string);
  'size'?: (number | string | Long);
}

export interface UploadPart__Output {
  'part_number': (number);
  'url': (string);
  'size': (string);
}
