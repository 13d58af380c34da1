import type { Migration } from '@lms/kit/db';

/**
 * A counter of the quiz's definition: every UPDATE of a quiz row adds one (a trigger, so no statement can forget
 * it and a replica still on the code before this migration bumps it too), and every change of
 * what a new attempt can contain — settings, publication, questions, versions, order, pools — updates its quiz
 * row in the same transaction. A process can therefore keep what attempts draw from in memory keyed by
 * (quiz, definition_version): a changed quiz has a new key on every replica at once, nothing to invalidate.
 * A timestamp would not do: two edits in one millisecond (or under a test clock) would share it.
 */
export const definitionVersionMigration: Migration = {
  name: '0005-quiz-definition-version',
  up: async (qi) => {
    await qi.sequelize.query('ALTER TABLE quizzes ADD COLUMN definition_version bigint NOT NULL DEFAULT 1');
    await qi.sequelize.query(`
      CREATE FUNCTION quizzes_next_definition_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.definition_version := OLD.definition_version + 1;
        RETURN NEW;
      END $$`);
    await qi.sequelize.query(`
      CREATE TRIGGER quizzes_definition_version BEFORE UPDATE ON quizzes
      FOR EACH ROW EXECUTE FUNCTION quizzes_next_definition_version()`);
  },
  down: async (qi) => {
    await qi.sequelize.query('DROP TRIGGER IF EXISTS quizzes_definition_version ON quizzes');
    await qi.sequelize.query('DROP FUNCTION IF EXISTS quizzes_next_definition_version()');
    await qi.sequelize.query('ALTER TABLE quizzes DROP COLUMN IF EXISTS definition_version');
  },
};
