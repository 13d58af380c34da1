// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import { createAuthClient } from '@lms/kit/auth';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../migrations';
import { UnitsOfWork } from '@lms/kit/db';
import { catalogRepositories, createCatalogDeps } from './app/deps';
import { EVENT_SOURCE } from './domain/catalog.events';
import { loadCatalogConfig, type CatalogConfig } from './config';
import { enrollmentStatsConsumer } from './events/enrollment-stats.consumer';
import { fileDeletionsConsumer } from './events/file-deletions.consumer';
import { catalogHandlers } from './grpc/catalog.handlers';
import { createEnrollmentClient, createMediaClient } from '@lms/kit/clients';

export const SERVICE_NAME = 'catalog';

/** The public events kept in catalog's event log (kit: replayed by `analytics rebuild`). */
const EVENT_LOG_TYPES = [
  'course.created',
  'course.updated',
  'course.published',
  'course.unpublished',
  'course.archived',
  'course.unarchived',
  'course.deleted',
  'lesson.created',
  'lesson.updated',
  'lesson.deleted',
];

export type RunningCatalogService = RunningService;

/**
 * Starts the catalog service on the kit's runtime (database, Redis for the cache and revocation marks,
 * outbox relay; see startService) with the auth client (public keys, instructor names), the media client
 * (facts of the files lessons attach), the enrolment-stats consumer and the file-deletions consumer.
 */
export function start(config: CatalogConfig, logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL)): Promise<RunningCatalogService> {
  return startService<CatalogServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    setup({ sequelize, outbox, redis, onStop }) {
      const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const enrollment = createEnrollmentClient(config.ENROLLMENT_GRPC_ADDR, Math.min(config.GRPC_DEADLINE_MS, 1000));
      const media = createMediaClient(config.MEDIA_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => {
        auth.close();
        enrollment.close();
        media.close();
      });
      const units = new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: catalogRepositories });
      const deps = createCatalogDeps({ config, logger, units, redis, auth, enrollment, media });
      return {
        grpc: { protoFile: 'lms/catalog/v1/catalog.proto', service: 'lms.catalog.v1.CatalogService', handlers: catalogHandlers(deps) },
        consumers: [enrollmentStatsConsumer(deps), fileDeletionsConsumer(deps)],
        eventLog: { types: EVENT_LOG_TYPES },
      };
    },
  });
}

if (require.main === module) runService(SERVICE_NAME, loadCatalogConfig, start);
