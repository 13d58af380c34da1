// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateDirectUploadRequest {
  'filename'?: (string);
  'size'?: (number | string | Long);
  'mime_type'?: (string);
  'folder'?: (string);
  'is_public'?: (boolean);
}

export interface CreateDirectUploadRequest__Output {
  'filename': (string);
  'size': (string);
  'mime_type': (string);
  'folder': (string);
  'is_public': (boolean);
}
