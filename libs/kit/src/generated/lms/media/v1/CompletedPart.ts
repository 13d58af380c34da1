// Original file: protos/lms/media/v1/media.proto


export interface CompletedPart {
  'part_number'?: (number);
  'etag'?: (string);
}

export interface CompletedPart__Output {
  'part_number': (number);
  'etag': (string);
}
