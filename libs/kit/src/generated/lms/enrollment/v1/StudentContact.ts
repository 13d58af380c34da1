// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface StudentContact {
  'id'?: (string);
  'full_name'?: (string);
  'email'?: (string);
}

export interface StudentContact__Output {
  'id': (string);
  'full_name': (string);
  'email': (string);
}
