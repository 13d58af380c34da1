import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadCatalogConfig } from '../config';

/** Applies pending migrations to the catalog database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('catalog', loadCatalogConfig(), migrations);
