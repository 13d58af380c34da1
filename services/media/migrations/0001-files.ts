import type { Migration } from '@lms/kit/db';

/**
 * `files`: one row per usable stored object (the seed's `uploaded_files`). `uploads`: every upload in flight or
 * finished — a streamed one (`stream`) or a declared direct one (`direct`) — with the bytes it reserves against the
 * uploader's quota while pending; a pending upload past `expires_at` is cleaned up by the expiry timer consumer.
 */
export const filesMigration: Migration = {
  name: '0001-files',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY,
        storage_key text NOT NULL UNIQUE,
        filename varchar(255) NOT NULL,
        original_filename varchar(255) NOT NULL,
        folder varchar(100) NOT NULL,
        file_type varchar(16) NOT NULL CHECK (file_type IN ('video', 'document', 'image')),
        mime_type varchar(100) NOT NULL,
        declared_mime_type varchar(255),
        file_size bigint NOT NULL CHECK (file_size > 0),
        sha256 char(64),
        storage_provider varchar(8) NOT NULL CHECK (storage_provider IN ('local', 's3')),
        duration_seconds integer,
        thumbnail_url varchar(500),
        uploaded_by uuid NOT NULL,
        uploader_role varchar(16) NOT NULL,
        is_public boolean NOT NULL DEFAULT false,
        download_count bigint NOT NULL DEFAULT 0,
        upload_id uuid NOT NULL UNIQUE,
        uploaded_at timestamptz NOT NULL
      );
      CREATE INDEX files_uploader_idx ON files (uploaded_by, uploaded_at DESC, id DESC);
      CREATE INDEX files_uploader_type_idx ON files (uploaded_by, file_type, uploaded_at DESC, id DESC);

      CREATE TABLE uploads (
        id uuid PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('stream', 'direct')),
        status varchar(12) NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'expired', 'aborted')),
        user_id uuid NOT NULL,
        user_role varchar(16) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        storage_provider varchar(8) NOT NULL CHECK (storage_provider IN ('local', 's3')),
        original_filename varchar(255) NOT NULL,
        folder varchar(100) NOT NULL,
        is_public boolean NOT NULL,
        declared_mime_type varchar(255),
        declared_size bigint,
        reserved_bytes bigint NOT NULL CHECK (reserved_bytes >= 0),
        multipart_upload_id text,
        part_size bigint,
        received_bytes bigint NOT NULL DEFAULT 0,
        file_id uuid,
        failure text,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      );
      CREATE INDEX uploads_user_pending_idx ON uploads (user_id) WHERE status = 'pending';
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`DROP TABLE IF EXISTS uploads; DROP TABLE IF EXISTS files;`);
  },
};
