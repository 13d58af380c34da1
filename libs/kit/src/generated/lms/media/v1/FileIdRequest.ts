// Original file: protos/lms/media/v1/media.proto


export interface FileIdRequest {
  'file_id'?: (string);
}

export interface FileIdRequest__Output {
  'file_id': (string);
}
