// Original file: protos/lms/media/v1/media.proto

import type { UploadPart as _lms_media_v1_UploadPart, UploadPart__Output as _lms_media_v1_UploadPart__Output } from '../../../lms/media/v1/UploadPart';
import type { Long } from '@grpc/proto-loader';

export interface DirectUpload {
  'id'?: (string);
  'status'?: (string);
  'method'?: (string);
  'parts'?: (_lms_media_v1_UploadPart)[];
  'headers'?: ({[key: string]: string});
  'expires_at'?: (string);
  'filename'?: (string);
  'size'?: (number | string | Long);
  'file_id'?: (string);
  'failure'?: (string);
  'created_at'?: (string);
  'received_bytes'?: (number | string | Long);
}

export interface DirectUpload__Output {
  'id': (string);
  'status': (string);
  'method': (string);
  'parts': (_lms_media_v1_UploadPart__Output)[];
  'headers': ({[key: string]: string});
  'expires_at': (string);
  'filename': (string);
  'size': (string);
  'file_id': (string);
  'failure': (string);
  'created_at': (string);
  'received_bytes': (string);
}
