// Original file: protos/lms/certificate/v1/certificate.proto


export interface RenderedPdf {
  'content'?: (Buffer | Uint8Array | string);
}

export interface RenderedPdf__Output {
  'content': (Buffer);
}
