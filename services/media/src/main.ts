// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import { createAuthClient, verifierFromConfig } from '@lms/kit/auth';
import { createCatalogClient } from '@lms/kit/clients';
import type { MediaServiceDefinition } from '@lms/kit/generated/lms/media/v1/MediaService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import type { Sequelize } from '@lms/kit/db';
import { createLogger, type Logger } from '@lms/kit/logging';
import { createStorage } from '@lms/storage';
import { migrations } from '../migrations';
import { createMediaDeps, type MediaDeps } from './app/deps';
import { loadMediaConfig, type MediaConfig } from './config';
import { PUBLIC_EVENT_TYPES } from './domain/media.events';
import { objectReleaseConsumer } from './events/object-release.consumer';
import { uploadExpiryConsumer } from './events/upload-expiry.consumer';
import { mediaHandlers } from './grpc/media.handlers';

export const SERVICE_NAME = 'media';

export interface RunningMediaService extends RunningService {
  /** For tests and benchmarks: the wired dependencies (storage included). */
  deps: MediaDeps;
  /** For tests: the service's database pool. */
  sequelize: Sequelize;
}

/**
 * Starts the media service on the kit's runtime with its object storage (checked with `ready()` before the
 * service reports SERVING, closed on stop), clients of auth (JWKS) and catalog (CanReadLessonFile), and its two
 * consumers: the expiry timer of uploads left pending and the release of bytes no row needs any more.
 */
export async function start(config: MediaConfig, logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL)): Promise<RunningMediaService> {
  let wired: { deps: MediaDeps; sequelize: Sequelize } | undefined;
  const running = await startService<MediaServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    async setup({ sequelize, outbox, redis, onStop }) {
      const storage = createStorage(config, config.UPLOAD_DIR, logger);
      onStop(() => storage.close());
      await storage.ready();
      const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => {
        auth.close();
        catalog.close();
      });
      const verifier = verifierFromConfig(config, auth, redis);
      const deps = createMediaDeps({ config, logger, sequelize, outbox, storage, catalog, verifier });
      wired = { deps, sequelize };
      return {
        grpc: { protoFile: 'lms/media/v1/media.proto', service: 'lms.media.v1.MediaService', handlers: mediaHandlers(deps) },
        consumers: [uploadExpiryConsumer(deps), objectReleaseConsumer(deps)],
        eventLog: { types: PUBLIC_EVENT_TYPES },
      };
    },
  });
  return { ...running, ...wired! };
}

if (require.main === module) runService(SERVICE_NAME, loadMediaConfig, start);
