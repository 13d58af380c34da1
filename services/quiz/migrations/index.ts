import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { quizzesMigration } from './0001-quizzes';
import { lessonDeletedMigration } from './0002-lesson-deleted';
import { finalQuizTypeMigration } from './0003-final-quiz-type';
import { regradeJobsMigration } from './0004-regrade-jobs';
import { definitionVersionMigration } from './0005-definition-version';

/** Every migration of the quiz database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [eventTablesMigration, quizzesMigration, lessonDeletedMigration, finalQuizTypeMigration, regradeJobsMigration, definitionVersionMigration];
