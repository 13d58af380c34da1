// Original file: protos/lms/media/v1/media.proto

import type { Long } from '@grpc/proto-loader';

export interface DownloadRequest {
  'file_id'?: (string);
  'has_range'?: (boolean);
  'range_start'?: (number | string | Long);
  'range_end'?: (number | string | Long);
  'suffix_length'?: (number | string | Long);
  'inline'?: (boolean);
  'head_only'?: (boolean);
  'if_none_match'?: (string);
  'if_range'?: (string);
}

export interface DownloadRequest__Output {
  'file_id': (string);
  'has_range': (boolean);
  'range_start': (string);
  'range_end': (string);
  'suffix_length': (string);
  'inline': (boolean);
  'head_only': (boolean);
  'if_none_match': (string);
  'if_range': (string);
}
