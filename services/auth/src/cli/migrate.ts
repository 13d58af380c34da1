import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadAuthConfig } from '../config';

/** Applies pending migrations to the auth database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('auth', loadAuthConfig(), migrations);
