import type { Migration } from '@lms/kit/db';

/**
 * The seed's missing course and lesson fields (issue 12 item 7): a course `language` (a BCP 47 tag, "en"
 * by default as the seed: existing courses become "en"), titles up to 255 characters as the seed (courses
 * 3–255; lessons keep 1 as their stored minimum so existing one-character titles stay valid — the service
 * asks 2 of new writes), and the `document` lesson type. Video lessons needing a `video_url` is a write
 * rule of the service, not a constraint: existing video lessons without one are left as they are.
 */
export const courseLanguageLessonDocumentMigration: Migration = {
  name: '0006-course-language-lesson-document',
  async up(qi) {
    await qi.sequelize.query(`
      ALTER TABLE courses ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (char_length(language) BETWEEN 2 AND 50);
      CREATE INDEX courses_language_idx ON courses (language);
      ALTER TABLE courses DROP CONSTRAINT courses_title_check;
      ALTER TABLE courses ADD CONSTRAINT courses_title_check CHECK (char_length(title) BETWEEN 3 AND 255);
      ALTER TABLE lessons DROP CONSTRAINT lessons_title_check;
      ALTER TABLE lessons ADD CONSTRAINT lessons_title_check CHECK (char_length(title) BETWEEN 1 AND 255);
      ALTER TABLE lessons DROP CONSTRAINT lessons_lesson_type_check;
      ALTER TABLE lessons ADD CONSTRAINT lessons_lesson_type_check CHECK (lesson_type IN ('video', 'text', 'quiz', 'assignment', 'document'));
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`
      ALTER TABLE lessons DROP CONSTRAINT lessons_lesson_type_check;
      ALTER TABLE lessons ADD CONSTRAINT lessons_lesson_type_check CHECK (lesson_type IN ('video', 'text', 'quiz', 'assignment'));
      ALTER TABLE lessons DROP CONSTRAINT lessons_title_check;
      ALTER TABLE lessons ADD CONSTRAINT lessons_title_check CHECK (char_length(title) BETWEEN 1 AND 200);
      ALTER TABLE courses DROP CONSTRAINT courses_title_check;
      ALTER TABLE courses ADD CONSTRAINT courses_title_check CHECK (char_length(title) BETWEEN 3 AND 200);
      ALTER TABLE courses DROP COLUMN language;
    `);
  },
};
