import { createDatabase, ensureDatabase, isUniqueViolation, migrate } from '@lms/kit/db';
import { isAppError } from '@lms/kit/errors';
import { Outbox } from '@lms/kit/events';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../../migrations';
import { bootstrapAdmin, prepareBootstrapAdmin, type BootstrapAction } from '../app/commands/bootstrap-admin';
import { createAuthDeps } from '../app/deps';
import { loadBootstrapAdminConfig, type BootstrapAdminConfig } from '../config';

/**
 * Ensures the administrator named by ADMIN_EMAIL / ADMIN_PASSWORD / ADMIN_FULL_NAME exists and is an
 * active admin. Events it causes wait in the outbox until the service's relay publishes them.
 */
export async function runBootstrapAdmin(
  config: BootstrapAdminConfig,
  logger: Logger,
): Promise<{ action: BootstrapAction; userId: string; email: string }> {
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: 2 });
  try {
    if (config.MIGRATE_ON_START) await migrate(sequelize, config.DATABASE_URL, migrations, logger);
    const deps = createAuthDeps({ config, logger, sequelize, outbox: new Outbox(sequelize) });
    const input = await prepareBootstrapAdmin(deps, {
      email: config.ADMIN_EMAIL,
      password: config.ADMIN_PASSWORD,
      fullName: config.ADMIN_FULL_NAME,
    });
    const run = () => deps.units.run((uow) => bootstrapAdmin(uow, input, deps.clock()));
    try {
      return await run();
    } catch (err) {
      if (isUniqueViolation(err)) return await run(); // created at the same moment by another run: now it exists
      throw err;
    }
  } finally {
    await sequelize.close();
  }
}

const DESCRIPTIONS: Record<BootstrapAction, string> = {
  created: 'created a new administrator',
  promoted: 'promoted the existing account to administrator',
  reactivated: 'reactivated the existing administrator',
  promoted_and_reactivated: 'promoted and reactivated the existing account',
  unchanged: 'the administrator already exists; nothing to do',
};

if (require.main === module) {
  let logger = createLogger('auth-bootstrap-admin', 'info');
  Promise.resolve()
    .then(() => {
      const config = loadBootstrapAdminConfig();
      logger = createLogger('auth-bootstrap-admin', config.LOG_LEVEL);
      return runBootstrapAdmin(config, logger);
    })
    .then(
      (result) => {
        process.stdout.write(`bootstrap-admin: ${DESCRIPTIONS[result.action]} (${result.email}, id ${result.userId})\n`);
        process.exit(0);
      },
      (err: unknown) => {
        if (isAppError(err) && err.fields?.length) {
          const problems = err.fields.map((f) => `  - ${f.loc.join('.')}: ${f.msg}`).join('\n');
          process.stderr.write(`bootstrap-admin: invalid input\n${problems}\n`);
        } else {
          logger.fatal({ err }, 'bootstrap-admin failed');
        }
        process.exit(1);
      },
    );
}
