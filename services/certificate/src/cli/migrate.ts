import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadCertificateConfig } from '../config';

/** Applies pending migrations to the certificate database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('certificate', loadCertificateConfig(), migrations);
