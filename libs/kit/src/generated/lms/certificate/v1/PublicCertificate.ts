// Original file: protos/lms/certificate/v1/certificate.proto


export interface PublicCertificate {
  'certificate_number'?: (string);
  'student_name'?: (string);
  'course_title'?: (string);
  'instructor_name'?: (string);
  'completion_date'?: (string);
  'issued_by'?: (string);
}

export interface PublicCertificate__Output {
  'certificate_number': (string);
  'student_name': (string);
  'course_title': (string);
  'instructor_name': (string);
  'completion_date': (string);
  'issued_by': (string);
}
