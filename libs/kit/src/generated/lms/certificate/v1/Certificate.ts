// Original file: protos/lms/certificate/v1/certificate.proto


export interface Certificate {
  'id'?: (string);
  'certificate_number'?: (string);
  'student_id'?: (string);
  'student_name'?: (string);
  'course_id'?: (string);
  'course_title'?: (string);
  'instructor_name'?: (string);
  'completion_date'?: (string);
  'final_grade'?: (string);
  'total_hours'?: (string);
  'pdf_url'?: (string);
  'verification_url'?: (string);
  'is_verified'?: (string);
  'issued_by'?: (string);
  'issued_at'?: (string);
  'enrollment_id'?: (string);
  'pdf_status'?: (string);
  'revoked_at'?: (string);
  'revocation_reason'?: (string);
  'credential_url'?: (string);
}

export interface Certificate__Output {
  'id': (string);
  'certificate_number': (string);
  'student_id': (string);
  'student_name': (string);
  'course_id': (string);
  'course_title': (string);
  'instructor_name': (string);
  'completion_date': (string);
  'final_grade': (string);
  'total_hours': (string);
  'pdf_url': (string);
  'verification_url': (string);
  'is_verified': (string);
  'issued_by': (string);
  'issued_at': (string);
  'enrollment_id': (string);
  'pdf_status': (string);
  'revoked_at': (string);
  'revocation_reason': (string);
  'credential_url': (string);
}
