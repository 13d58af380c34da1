// Original file: protos/lms/quiz/v1/quiz.proto


export interface CourseGrade {
  'graded_attempts'?: (number);
  'average_percentage'?: (number | string);
}

export interface CourseGrade__Output {
  'graded_attempts': (number);
  'average_percentage': (number);
}
