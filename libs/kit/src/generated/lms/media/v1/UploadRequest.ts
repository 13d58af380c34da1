// Original file: protos/lms/media/v1/media.proto

import type { UploadStart as _lms_media_v1_UploadStart, UploadStart__Output as _lms_media_v1_UploadStart__Output } from '../../../lms/media/v1/UploadStart';
import type { UploadEnd as _lms_media_v1_UploadEnd, UploadEnd__Output as _lms_media_v1_UploadEnd__Output } from '../../../lms/media/v1/UploadEnd';

export interface UploadRequest {
  'start'?: (_lms_media_v1_UploadStart | null);
  'chunk'?: (Buffer | Uint8Array | string);
  'end'?: (_lms_media_v1_UploadEnd | null);
  'part'?: "start"|"chunk"|"end";
}

export interface UploadRequest__Output {
  'start'?: (_lms_media_v1_UploadStart__Output | null);
  'chunk'?: (Buffer);
  'end'?: (_lms_media_v1_UploadEnd__Output | null);
  'part'?: "start"|"chunk"|"end";
}
