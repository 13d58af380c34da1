// Original file: protos/lms/catalog/v1/catalog.proto


export interface IsCourseOwnerReply {
  'is_owner'?: (boolean);
  'exists'?: (boolean);
}

export interface IsCourseOwnerReply__Output {
  'is_owner': (boolean);
  'exists': (boolean);
}
