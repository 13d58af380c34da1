// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface ListMyEnrollmentsRequest {
  'page'?: (number);
  'page_size'?: (number);
  'status'?: (string);
}

export interface ListMyEnrollmentsRequest__Output {
  'page': (number);
  'page_size': (number);
  'status': (string);
}
