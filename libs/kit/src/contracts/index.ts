/**
 * Constants of the gRPC contracts that both sides must agree on and that protos cannot express (field-name
 * lists of partial updates). Pure data: the services' domains and the gateway import it alike.
 */

/** The quiz settings a CreateQuiz/UpdateQuiz request may carry, by proto name (`fields` of a partial update). */
export const QUIZ_SETTING_FIELDS = [
  'title',
  'description',
  'quiz_type',
  'passing_score',
  'time_limit_minutes',
  'max_attempts',
  'scoring_policy',
  'shuffle_questions',
  'shuffle_options',
  'show_correct_answers',
  'available_from',
  'available_until',
] as const;
