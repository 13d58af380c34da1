// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface UploadStart {
  'original_filename'?: (string);
  'declared_mime_type'?: (string);
  'folder'?: (string);
  'is_public'?: (boolean);
  'expected_size'?: (number | string | Long);
  'upload_id'?: (string);
  'expires'?: (number | string | Long);
  'signature'?: (string);
  'expected_size_is_bound'?: (boolean);
}

export interface UploadStart__Output {
  'original_filename': (string);
  'declared_mime_type': (string);
  'folder': (string);
  'is_public': (boolean);
  'expected_size': (string);
  'upload_id': (string);
  'expires': (string);
  'signature': (string);
  'expected_size_is_bound': (boolean);
}
