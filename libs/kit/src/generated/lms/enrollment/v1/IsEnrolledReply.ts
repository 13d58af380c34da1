// Original file: protos/lms/enrollment/v1/enrollment.proto


export interface IsEnrolledReply {
  'enrolled'?: (boolean);
  'enrollment_id'?: (string);
  'status'?: (string);
  'expires_at'?: (string);
  'lesson_locked'?: (boolean);
  'unlock_at'?: (string);
  'lock_reason'?: (string);
  'missing_lesson_ids'?: (string)[];
  'lesson_completed'?: (boolean);
}

export interface IsEnrolledReply__Output {
  'enrolled': (boolean);
  'enrollment_id': (string);
  'status': (string);
  'expires_at': (string);
  'lesson_locked': (boolean);
  'unlock_at': (string);
  'lock_reason': (string);
  'missing_lesson_ids': (string)[];
  'lesson_completed': (boolean);
}
