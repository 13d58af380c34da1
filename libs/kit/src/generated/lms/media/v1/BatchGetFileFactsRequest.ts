// Original file: protos/lms/media/v1/media.proto


export interface BatchGetFileFactsRequest {
  'file_ids'?: (string)[];
}

export interface BatchGetFileFactsRequest__Output {
  'file_ids': (string)[];
}
