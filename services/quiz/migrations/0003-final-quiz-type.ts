import type { Migration } from '@lms/kit/db';

/** The seed's third quiz type, `final` (graded like `graded`: the type is a label for clients). */
export const finalQuizTypeMigration: Migration = {
  name: '0003-quiz-type-final',
  up: async (qi) => {
    await qi.sequelize.query(`ALTER TABLE quizzes DROP CONSTRAINT quizzes_quiz_type_check,
      ADD CONSTRAINT quizzes_quiz_type_check CHECK (quiz_type IN ('graded', 'practice', 'final'))`);
  },
  down: async (qi) => {
    await qi.sequelize.query(`UPDATE quizzes SET quiz_type = 'graded' WHERE quiz_type = 'final'`);
    await qi.sequelize.query(`ALTER TABLE quizzes DROP CONSTRAINT quizzes_quiz_type_check,
      ADD CONSTRAINT quizzes_quiz_type_check CHECK (quiz_type IN ('graded', 'practice'))`);
  },
};
