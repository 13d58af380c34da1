// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import { createAuthClient, verifierFromConfig } from '@lms/kit/auth';
import { createCertificateClient } from '@lms/kit/clients';
import type { AnalyticsServiceDefinition } from '@lms/kit/generated/lms/analytics/v1/AnalyticsService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import type { Sequelize } from '@lms/kit/db';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../migrations';
import { createAnalyticsDeps, type AnalyticsDeps } from './app/deps';
import { loadAnalyticsConfig, type AnalyticsConfig } from './config';
import { analyticsHandlers } from './grpc/analytics.handlers';
import { factsConsumer } from './events/facts.consumer';

export const SERVICE_NAME = 'analytics';

export interface RunningAnalyticsService extends RunningService {
  /** For tests, rebuild and benchmarks: the wired dependencies. */
  deps: AnalyticsDeps;
  /** For tests: the service's database pool. */
  sequelize: Sequelize;
}

/**
 * Starts the analytics service on the kit's runtime (database, Redis for revocation marks) with a client of
 * auth (JWKS), a client of certificate (the progress report PDF is rendered there) and the one consumer that
 * feeds the read models (`analytics.facts`). Everything it shows comes from events.
 */
export async function start(config: AnalyticsConfig, logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL)): Promise<RunningAnalyticsService> {
  let wired: { deps: AnalyticsDeps; sequelize: Sequelize } | undefined;
  const running = await startService<AnalyticsServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    setup({ sequelize, outbox, redis, onStop }) {
      const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => auth.close());
      const certificate = createCertificateClient(config.CERTIFICATE_GRPC_ADDR, config.REPORT_RENDER_DEADLINE_MS);
      onStop(() => certificate.close());
      const verifier = verifierFromConfig(config, auth, redis);
      const deps = createAnalyticsDeps({ config, logger, sequelize, outbox, verifier, certificate });
      wired = { deps, sequelize };
      return {
        grpc: { protoFile: 'lms/analytics/v1/analytics.proto', service: 'lms.analytics.v1.AnalyticsService', handlers: analyticsHandlers(deps) },
        consumers: [factsConsumer(deps)],
      };
    },
  });
  return { ...running, ...wired! };
}

if (require.main === module) runService(SERVICE_NAME, loadAnalyticsConfig, start);
