import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { filesMigration } from './0001-files';

/** Every migration of the media database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [eventTablesMigration, filesMigration];
