import type { Migration } from '@lms/kit/db';

/** Failed sign-in counters per key ("account:<email>" or "ip:<address>"), shared by every replica. */
export const loginThrottleMigration: Migration = {
  name: '0004-login-throttle',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        lock_count integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at);
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS login_throttle');
  },
};
