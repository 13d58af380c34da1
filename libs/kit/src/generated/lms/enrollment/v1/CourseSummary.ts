// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface CourseSummary {
  'id'?: (string);
  'title'?: (string);
  'thumbnail_url'?: (string);
}

export interface CourseSummary__Output {
  'id': (string);
  'title': (string);
  'thumbnail_url': (string);
}
