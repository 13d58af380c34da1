// Original file: protos/lms/quiz/v1/quiz.proto


export interface ListQuizzesRequest {
  'course_id'?: (string);
  'lesson_id'?: (string);
}

export interface ListQuizzesRequest__Output {
  'course_id': (string);
  'lesson_id': (string);
}
