// Original file: protos/lms/media/v1/media.proto


export interface ListMyFilesRequest {
  'file_type'?: (string);
  'page'?: (number);
  'page_size'?: (number);
  'use_offset'?: (boolean);
  'offset'?: (number);
}

export interface ListMyFilesRequest__Output {
  'file_type': (string);
  'page': (number);
  'page_size': (number);
  'use_offset': (boolean);
  'offset': (number);
}
