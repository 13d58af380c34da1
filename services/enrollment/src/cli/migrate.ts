import { createDatabase, ensureDatabase, migrate } from '@lms/kit/db';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../../migrations';
import { loadEnrollmentConfig, type EnrollmentConfig } from '../config';

/** Applies pending migrations to the enrollment database (creating it outside production) and returns. */
export async function runMigrations(config: EnrollmentConfig, logger: Logger): Promise<void> {
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: 2 });
  try {
    await migrate(sequelize, config.DATABASE_URL, migrations, logger);
  } finally {
    await sequelize.close();
  }
}

if (require.main === module) {
  const config = loadEnrollmentConfig();
  const logger = createLogger('enrollment-migrate', config.LOG_LEVEL);
  runMigrations(config, logger).then(
    () => {
      logger.info('migrations up to date');
      process.exit(0);
    },
    (err: unknown) => {
      logger.fatal({ err }, 'migration failed');
      process.exit(1);
    },
  );
}
