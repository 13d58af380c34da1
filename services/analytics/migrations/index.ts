import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { readModelsMigration } from './0001-read-models';
import { dashboardIndexesMigration } from './0002-dashboard-indexes';
import { countableLessonsMigration } from './0003-countable-lessons';
import { quizAttemptCountMigration } from './0004-quiz-attempt-count';
import { instructorLearnersMigration } from './0005-instructor-learners';

/** Every migration of the analytics database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [eventTablesMigration, readModelsMigration, dashboardIndexesMigration, countableLessonsMigration, quizAttemptCountMigration, instructorLearnersMigration];
