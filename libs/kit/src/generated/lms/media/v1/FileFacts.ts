// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface FileFacts {
  'id'?: (string);
  'uploaded_by'?: (string);
  'uploader_role'?: (string);
  'file_type'?: (string);
  'mime_type'?: (string);
  'original_filename'?: (string);
  'file_size'?: (number | string | Long);
  'is_public'?: (boolean);
}

export interface FileFacts__Output {
  'id': (string);
  'uploaded_by': (string);
  'uploader_role': (string);
  'file_type': (string);
  'mime_type': (string);
  'original_filename': (string);
  'file_size': (string);
  'is_public': (boolean);
}
