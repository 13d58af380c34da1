// Original file: protos/lms/catalog/v1/catalog.proto


export interface Resource {
  'title'?: (string);
  'url'?: (string);
  'type'?: (string);
}

export interface Resource__Output {
  'title': (string);
  'url': (string);
  'type': (string);
}
