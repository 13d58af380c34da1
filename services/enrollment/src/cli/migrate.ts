import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadEnrollmentConfig } from '../config';

/** Applies pending migrations to the enrollment database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('enrollment', loadEnrollmentConfig(), migrations);
