import type { Migration } from '@lms/kit/db';

/**
 * Issue 15: the certificate service's facts on the enrolment (`certificate.issued` / `certificate.revoked`):
 * the certificate's download URL and issue time, shown by GetEnrollment. `certificate_fact_at` is the time of
 * the newest fact applied (issued_at or revoked_at), so a late `issued` never resurrects a revoked certificate.
 */
export const certificatesMigration: Migration = {
  name: '0009-certificates',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE enrollments ADD COLUMN certificate_url text, ADD COLUMN certificate_issued_at timestamptz,
        ADD COLUMN certificate_fact_at timestamptz;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('ALTER TABLE enrollments DROP COLUMN certificate_url, DROP COLUMN certificate_issued_at, DROP COLUMN certificate_fact_at;');
  },
};
