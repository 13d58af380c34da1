// Original file: protos/lms/media/v1/media.proto

import type { DownloadHead as _lms_media_v1_DownloadHead, DownloadHead__Output as _lms_media_v1_DownloadHead__Output } from '../../../lms/media/v1/DownloadHead';

export interface DownloadResponse {
  'head'?: (_lms_media_v1_DownloadHead | null);
  'redirect_url'?: (string);
  'chunk'?: (Buffer | Uint8Array | string);
  'part'?: "head"|"redirect_url"|"chunk";
}

export interface DownloadResponse__Output {
  'head'?: (_lms_media_v1_DownloadHead__Output | null);
  'redirect_url'?: (string);
  'chunk'?: (Buffer);
  'part'?: "head"|"redirect_url"|"chunk";
}
