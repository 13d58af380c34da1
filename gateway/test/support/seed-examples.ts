/**
 * The seed's documented request bodies, verbatim (seed API documentation, `../shared/spec/seed-part4.md`
 * §5): one copy for every suite that sends them.
 */

/** Row 21, POST /courses/{course_id}/quizzes (our API adds the quiz lesson's `lesson_id`). */
export const SEED_QUIZ = {
  title: 'Python Advanced Quiz',
  description: 'Test advanced Python concepts',
  quiz_type: 'graded',
  time_limit_minutes: 45,
  passing_score: 70,
  max_attempts: 3,
  shuffle_questions: true,
  shuffle_options: true,
  show_correct_answers: true,
} as const;

/** Row 22, multiple choice. */
export const SEED_MULTIPLE_CHOICE = {
  question_text: 'What is the output of print(type([]))?',
  question_type: 'multiple_choice',
  points: 5,
  explanation: 'Empty brackets [] create a list object in Python',
  options: [
    { option_text: "<class 'list'>", is_correct: true },
    { option_text: "<class 'dict'>", is_correct: false },
    { option_text: "<class 'tuple'>", is_correct: false },
  ],
};

/** Row 22, true/false: the key as the string "false". */
export const SEED_TRUE_FALSE = {
  question_text: 'Python is a compiled language',
  question_type: 'true_false',
  points: 2,
  correct_answer: 'false',
  explanation: 'Python is an interpreted language',
};
