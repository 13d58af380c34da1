import type { Migration } from '@lms/kit/db';

/**
 * Lessons reference uploaded files of the media service (issue 14): a video (`lessons.video_file_id`) and
 * attachments in order (`lesson_attachments`, with a snapshot of the file's name, type and size taken when
 * attached, so lessons are shown without asking media). No foreign keys to files: they live in another
 * database; a deleted file is detached by the `catalog.file-deletions` consumer, which also keeps its id in
 * `deleted_files` so a lesson write validated just before the deletion cannot attach it afterwards.
 */
export const lessonMediaMigration: Migration = {
  name: '0007-lesson-media',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE lessons ADD COLUMN video_file_id uuid;
      CREATE INDEX lessons_video_file_id_idx ON lessons (video_file_id) WHERE video_file_id IS NOT NULL;
      CREATE TABLE lesson_attachments (
        lesson_id uuid NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 0),
        file_id uuid NOT NULL,
        filename text NOT NULL,
        file_type text NOT NULL,
        mime_type text NOT NULL,
        file_size bigint NOT NULL CHECK (file_size >= 0),
        PRIMARY KEY (lesson_id, position),
        UNIQUE (lesson_id, file_id)
      );
      CREATE INDEX lesson_attachments_file_id_idx ON lesson_attachments (file_id);
      CREATE TABLE deleted_files (
        file_id uuid PRIMARY KEY,
        deleted_at timestamptz NOT NULL
      );
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      DROP TABLE deleted_files;
      DROP TABLE lesson_attachments;
      ALTER TABLE lessons DROP COLUMN video_file_id;
    `);
  },
};
