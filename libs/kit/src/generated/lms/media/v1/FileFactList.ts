// Original file: protos/lms/media/v1/media.proto

import type { FileFacts as _lms_media_v1_FileFacts, FileFacts__Output as _lms_media_v1_FileFacts__Output } from '../../../lms/media/v1/FileFacts';

export interface FileFactList {
  'files'?: (_lms_media_v1_FileFacts)[];
}

export interface FileFactList__Output {
  'files': (_lms_media_v1_FileFacts__Output)[];
}
