import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { coursesMigration } from './0001-courses';
import { sectionsLessonsMigration } from './0002-sections-lessons';
import { courseEnrollmentsMigration } from './0003-course-enrollments';
import { courseAccessDaysMigration } from './0004-course-access-days';
import { videoCompletionThresholdMigration } from './0005-video-completion-threshold';
import { courseLanguageLessonDocumentMigration } from './0006-course-language-lesson-document';
import { lessonMediaMigration } from './0007-lesson-media';

/** Every migration of the catalog database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [
  eventTablesMigration,
  coursesMigration,
  sectionsLessonsMigration,
  courseEnrollmentsMigration,
  courseAccessDaysMigration,
  videoCompletionThresholdMigration,
  courseLanguageLessonDocumentMigration,
  lessonMediaMigration,
];
