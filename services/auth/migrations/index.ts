import type { Migration } from '@lms/kit/db';
import { eventTablesMigration } from '@lms/kit/events';
import { usersMigration } from './0001-users';
import { sessionsMigration } from './0002-sessions';
import { signingKeysMigration } from './0003-signing-keys';
import { loginThrottleMigration } from './0004-login-throttle';
import { oneTimeTokensMigration } from './0005-one-time-tokens';
import { sessionLimitsMigration } from './0006-session-limits';
import { rotationsAndPhoneMigration } from './0007-rotations-and-phone';

/** Every migration of the auth database, in order (the kit's outbox/inbox tables first). */
export const migrations: Migration[] = [
  eventTablesMigration,
  usersMigration,
  sessionsMigration,
  signingKeysMigration,
  loginThrottleMigration,
  oneTimeTokensMigration,
  sessionLimitsMigration,
  rotationsAndPhoneMigration,
];
