// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface File {
  'id'?: (string);
  'filename'?: (string);
  'original_filename'?: (string);
  'file_url'?: (string);
  'file_type'?: (string);
  'mime_type'?: (string);
  'file_size'?: (number | string | Long);
  'file_size_mb'?: (number | string);
  'storage_provider'?: (string);
  'duration_seconds'?: (number);
  'thumbnail_url'?: (string);
  'uploaded_at'?: (string);
  'is_public'?: (boolean);
  'folder'?: (string);
  'uploaded_by'?: (string);
  'download_count'?: (number | string | Long);
  'sha256'?: (string);
}

export interface File__Output {
  'id': (string);
  'filename': (string);
  'original_filename': (string);
  'file_url': (string);
  'file_type': (string);
  'mime_type': (string);
  'file_size': (string);
  'file_size_mb': (number);
  'storage_provider': (string);
  'duration_seconds': (number);
  'thumbnail_url': (string);
  'uploaded_at': (string);
  'is_public': (boolean);
  'folder': (string);
  'uploaded_by': (string);
  'download_count': (string);
  'sha256': (string);
}
