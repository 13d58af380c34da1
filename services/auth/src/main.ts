// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import { createLogger, type Logger } from '@lms/kit/logging';
import { createCatalogClient } from '@lms/kit/clients';
import { Mailer } from '@lms/kit/mail';
import { migrations } from '../migrations';
import { createAuthDeps } from './app/deps';
import { pruneExpired } from './app/commands/housekeeping';
import { loadAuthConfig, mailConfigWarnings, type AuthConfig } from './config';
import { mailConsumers } from './events/mail.consumer';
import { authHandlers } from './grpc/auth.handlers';

export const SERVICE_NAME = 'auth';

/**
 * The public events kept in auth's event log (kit: replayed by `analytics rebuild`). Never the secret-carrying
 * or internal ones: password_reset.requested, email_verification.requested, refresh_token.reused.
 */
const EVENT_LOG_TYPES = ['user.registered', 'user.profile_changed', 'user.role_changed', 'user.deactivated', 'user.activated', 'user.deleted'];
const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

export type RunningAuthService = RunningService;

/**
 * Starts the auth service on the kit's runtime (database, Redis for revocation marks, outbox relay;
 * see startService), after making sure a signing key exists, with an hourly housekeeping pass and the
 * mail consumers (SMTP_URL; course titles from catalog at CATALOG_GRPC_ADDR).
 */
export function start(config: AuthConfig, logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL)): Promise<RunningAuthService> {
  return startService<AuthServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    async setup({ sequelize, outbox, redis, onStop }) {
      for (const warning of mailConfigWarnings(config)) logger.warn(warning);
      const mailer = new Mailer({ url: config.SMTP_URL, from: config.MAIL_FROM, logger });
      const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => {
        mailer.close();
        catalog.close();
      });
      const deps = createAuthDeps({ config, logger, sequelize, outbox, redis, mailer, catalog });
      await deps.keys.ensureActiveKey();
      await deps.keys.activeKey();
      const housekeeping = setInterval(() => {
        pruneExpired(deps).catch((err: Error) => logger.warn({ err: err.message }, 'housekeeping failed'));
      }, HOUSEKEEPING_INTERVAL_MS);
      housekeeping.unref();
      onStop(() => clearInterval(housekeeping));
      return {
        grpc: { protoFile: 'lms/auth/v1/auth.proto', service: 'lms.auth.v1.AuthService', handlers: authHandlers(deps) },
        consumers: mailConsumers(deps),
        eventLog: { types: EVENT_LOG_TYPES },
      };
    },
  });
}

if (require.main === module) runService(SERVICE_NAME, loadAuthConfig, start);
