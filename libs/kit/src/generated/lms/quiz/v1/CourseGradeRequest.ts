// Original file: protos/lms/quiz/v1/quiz.proto


export interface CourseGradeRequest {
  'student_id'?: (string);
  'course_id'?: (string);
}

export interface CourseGradeRequest__Output {
  'student_id': (string);
  'course_id': (string);
}
