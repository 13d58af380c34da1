// Original file: protos/lms/quiz/v1/quiz.proto


export interface UpdateQuizRequest {
  'course_id'?: (string);
  'quiz_id'?: (string);
  'fields'?: (string)[];
  'title'?: (string);
  'description'?: (string);
  'quiz_type'?: (string);
  'passing_score'?: (number | string);
  'time_limit_minutes'?: (number);
  'max_attempts'?: (number);
  'scoring_policy'?: (string);
  'shuffle_questions'?: (boolean);
  'shuffle_options'?: (boolean);
  'show_correct_answers'?: (string);
  'available_from'?: (string);
  'available_until'?: (string);
}

export interface UpdateQuizRequest__Output {
  'course_id': (string);
  'quiz_id': (string);
  'fields': (string)[];
  'title': (string);
  'description': (string);
  'quiz_type': (string);
  'passing_score': (number);
  'time_limit_minutes': (number);
  'max_attempts': (number);
  'scoring_policy': (string);
  'shuffle_questions': (boolean);
  'shuffle_options': (boolean);
  'show_correct_answers': (string);
  'available_from': (string);
  'available_until': (string);
}
