// Original file: protos/lms/quiz/v1/quiz.proto

import type { Pool as _lms_quiz_v1_Pool, Pool__Output as _lms_quiz_v1_Pool__Output } from '../../../lms/quiz/v1/Pool';

export interface Quiz {
  'id'?: (string);
  'course_id'?: (string);
  'lesson_id'?: (string);
  'instructor_id'?: (string);
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
  'is_published'?: (boolean);
  'published_at'?: (string);
  'total_questions'?: (number);
  'total_points'?: (number | string);
  'question_count'?: (number);
  'pools'?: (_lms_quiz_v1_Pool)[];
  'created_at'?: (string);
  'updated_at'?: (string);
  'is_open'?: (boolean);
}

export interface Quiz__Output {
  'id': (string);
  'course_id': (string);
  'lesson_id': (string);
  'instructor_id': (string);
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
  'is_published': (boolean);
  'published_at': (string);
  'total_questions': (number);
  'total_points': (number);
  'question_count': (number);
  'pools': (_lms_quiz_v1_Pool__Output)[];
  'created_at': (string);
  'updated_at': (string);
  'is_open': (boolean);
}
