import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadMediaConfig } from '../config';

/** Applies pending migrations to the media database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('media', loadMediaConfig(), migrations);
