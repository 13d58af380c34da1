// Original file: protos/lms/analytics/v1/analytics.proto


export interface PdfDocument {
  'content'?: (Buffer | Uint8Array | string);
  'filename'?: (string);
}

export interface PdfDocument__Output {
  'content': (Buffer);
  'filename': (string);
}
