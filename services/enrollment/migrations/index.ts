import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { courseModelMigration } from './0001-course-model';
import { enrollmentsMigration } from './0002-enrollments';
import { bulkEnrollmentMigration } from './0003-bulk-enrollment';
import { courseEnrollmentCountsMigration } from './0004-course-enrollment-counts';
import { accessExpiryMigration } from './0005-access-expiry';
import { videoCompletionThresholdMigration } from './0006-video-completion-threshold';
import { titlesReviewsContactsMigration } from './0007-titles-reviews-contacts';
import { contactFreshnessMigration } from './0008-contact-freshness';
import { certificatesMigration } from './0009-certificates';
import { recountVersionRaceMigration } from './0010-recount-version-race';

/** Every migration of the enrollment database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [eventTablesMigration, courseModelMigration, enrollmentsMigration, bulkEnrollmentMigration, courseEnrollmentCountsMigration, accessExpiryMigration, videoCompletionThresholdMigration, titlesReviewsContactsMigration, contactFreshnessMigration, certificatesMigration, recountVersionRaceMigration];
