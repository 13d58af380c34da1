// Original file: protos/lms/media/v1/media.proto

import type { File as _lms_media_v1_File, File__Output as _lms_media_v1_File__Output } from '../../../lms/media/v1/File';
import type { Long } from '@grpc/proto-loader';

export interface DownloadHead {
  'file'?: (_lms_media_v1_File | null);
  'total_size'?: (number | string | Long);
  'partial'?: (boolean);
  'range_start'?: (number | string | Long);
  'range_end'?: (number | string | Long);
  'content_length'?: (number | string | Long);
  'etag'?: (string);
  'not_modified'?: (boolean);
}

export interface DownloadHead__Output {
  'file': (_lms_media_v1_File__Output | null);
  'total_size': (string);
  'partial': (boolean);
  'range_start': (string);
  'range_end': (string);
  'content_length': (string);
  'etag': (string);
  'not_modified': (boolean);
}
