// Original file: protos/lms/media/v1/media.proto

import type { File as _lms_media_v1_File, File__Output as _lms_media_v1_File__Output } from '../../../lms/media/v1/File';

export interface FilePage {
  'files'?: (_lms_media_v1_File)[];
  'total'?: (number);
  'page'?: (number);
  'page_size'?: (number);
  'total_pages'?: (number);
}

export interface FilePage__Output {
  'files': (_lms_media_v1_File__Output)[];
  'total': (number);
  'page': (number);
  'page_size': (number);
  'total_pages': (number);
}
