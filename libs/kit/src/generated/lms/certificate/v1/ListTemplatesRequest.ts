// Original file: protos/lms/certificate/v1/certificate.proto


export interface ListTemplatesRequest {
  'course_id'?: (string);
}

export interface ListTemplatesRequest__Output {
  'course_id': (string);
}
