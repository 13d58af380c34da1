import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { certificatesMigration } from './0001-certificates';

/** Every migration of the certificate database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [eventTablesMigration, certificatesMigration];
