// Original file: protos/lms/media/v1/media.proto

import type { UploadStart as _lms_media_v1_UploadStart, UploadStart__Output as _lms_media_v1_UploadStart__Output } from '../../../lms/media/v1/UploadStart';

export interface UploadRequest {
  'start'?: (_lms_media_v1_UploadStart | null);
  'chunk'?: (Buffer | Uint8Array | string);
  'part'?: "start"|"chunk";
}

export interface UploadRequest__Output {
  'start'?: (_lms_media_v1_UploadStart__Output | null);
  'chunk'?: (Buffer);
  'part'?: "start"|"chunk";
}
