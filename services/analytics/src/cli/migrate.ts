import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadAnalyticsConfig } from '../config';

/** Applies pending migrations to the analytics database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('analytics', loadAnalyticsConfig(), migrations);
