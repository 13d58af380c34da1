import type { Migration } from '@lms/kit/db';

/**
 * Access-token signing keys. The private key is stored encrypted (AES-256-GCM). The partial unique
 * index allows at most one active key, so replicas starting together cannot create two.
 */
export const signingKeysMigration: Migration = {
  name: '0003-signing-keys',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        alg text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_key_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      );
      CREATE UNIQUE INDEX signing_keys_one_active_uq ON signing_keys ((true)) WHERE retired_at IS NULL;
    `);
  },
  async down(qi) {
    await qi.sequelize.query('DROP TABLE IF EXISTS signing_keys');
  },
};
