import type { Migration } from '@lms/kit/db';

/**
 * Regrades become jobs: a real run is recorded `pending`, then worked through in keyset batches of attempts
 * (ordered by id), one short transaction each; the run keeps its cursor (the last attempt id done) and its
 * progress so it can resume after a crash. At most one unfinished real run per quiz. Runs recorded before
 * this migration were synchronous and are `done`.
 */
export const regradeJobsMigration: Migration = {
  name: '0004-quiz-regrade-jobs',
  up: async (qi) => {
    await qi.sequelize.query(`
      ALTER TABLE regrade_runs
        ADD COLUMN status text NOT NULL DEFAULT 'done' CHECK (status IN ('pending', 'running', 'done', 'failed')),
        ADD COLUMN requested_question_ids jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN attempts_total integer NOT NULL DEFAULT 0,
        ADD COLUMN cursor uuid NULL,
        ADD COLUMN batches_done integer NOT NULL DEFAULT 0,
        ADD COLUMN truncated boolean NOT NULL DEFAULT false,
        ADD COLUMN error text NULL,
        ADD COLUMN finished_at timestamptz NULL,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      UPDATE regrade_runs SET attempts_total = attempts_examined, finished_at = created_at, updated_at = created_at;
      CREATE UNIQUE INDEX regrade_runs_one_active_idx ON regrade_runs (quiz_id) WHERE status IN ('pending', 'running');
      CREATE INDEX regrade_runs_active_idx ON regrade_runs (created_at) WHERE status IN ('pending', 'running');
      -- keyset batches of a quiz's attempts in id order
      CREATE INDEX attempts_quiz_id_idx ON attempts (quiz_id, id);
    `);
  },
  down: async (qi) => {
    await qi.sequelize.query(`
      DROP INDEX IF EXISTS attempts_quiz_id_idx;
      DROP INDEX IF EXISTS regrade_runs_active_idx;
      DROP INDEX IF EXISTS regrade_runs_one_active_idx;
      ALTER TABLE regrade_runs DROP COLUMN status, DROP COLUMN requested_question_ids, DROP COLUMN attempts_total, DROP COLUMN cursor,
        DROP COLUMN batches_done, DROP COLUMN truncated, DROP COLUMN error, DROP COLUMN finished_at, DROP COLUMN updated_at;
    `);
  },
};
