// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface UploadEnd {
  'total_bytes'?: (number | string | Long);
}

export interface UploadEnd__Output {
  'total_bytes': (string);
}
