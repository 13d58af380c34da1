// Original file: protos/lms/media/v1/media.proto


export interface UploadIdRequest {
  'upload_id'?: (string);
}

export interface UploadIdRequest__Output {
  'upload_id': (string);
}
