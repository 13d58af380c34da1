// Original file: protos/lms/media/v1/media.proto

import type { CompletedPart as _lms_media_v1_CompletedPart, CompletedPart__Output as _lms_media_v1_CompletedPart__Output } from '../../../lms/media/v1/CompletedPart';

export interface CompleteDirectUploadRequest {
  'upload_id'?: (string);
  'parts'?: (_lms_media_v1_CompletedPart)[];
}

export interface CompleteDirectUploadRequest__Output {
  'upload_id': (string);
  'parts': (_lms_media_v1_CompletedPart__Output)[];
}
