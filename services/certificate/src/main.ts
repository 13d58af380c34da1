// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import { createAuthClient, verifierFromConfig } from '@lms/kit/auth';
import { createCatalogClient, createEnrollmentClient, createQuizClient } from '@lms/kit/clients';
import type { Sequelize } from '@lms/kit/db';
import type { CertificateServiceDefinition } from '@lms/kit/generated/lms/certificate/v1/CertificateService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import { createLogger, type Logger } from '@lms/kit/logging';
import { createStorage } from '@lms/storage';
import { migrations } from '../migrations';
import { createIssuerKeyring } from './app/credentials/issuer-keyring';
import { createCertificateUnits, type CertificateDeps } from './app/deps';
import { loadCertificateConfig, type CertificateConfig } from './config';
import { PUBLIC_EVENT_TYPES } from './domain/certificate.events';
import { completionConsumer } from './events/completion.consumer';
import { pdfRenderConsumer } from './events/pdf-render.consumer';
import { certificateHandlers } from './grpc/certificate.handlers';
import { createChromiumRenderer } from './infra/renderer';

export const SERVICE_NAME = 'certificate';

export interface RunningCertificateService extends RunningService {
  /** For tests and benchmarks: the wired dependencies (storage, renderer, keyring included). */
  deps: CertificateDeps;
  /** For tests: the service's database pool. */
  sequelize: Sequelize;
}

/**
 * Starts the certificate service on the kit's runtime: its object storage (checked with `ready()` before the
 * service reports SERVING, closed on stop), the Chromium renderer (launched on the first render, closed on stop),
 * the issuer's keyring, clients of auth (JWKS, names), catalog, enrollment and quiz (the snapshot at issue time),
 * and two consumers: issuing on `enrollment.completed` and rendering PDFs.
 */
export async function start(config: CertificateConfig, logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL)): Promise<RunningCertificateService> {
  let wired: { deps: CertificateDeps; sequelize: Sequelize } | undefined;
  const running = await startService<CertificateServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    async setup({ sequelize, outbox, redis, onStop }) {
      const storage = createStorage(config, config.CERTIFICATE_DIR, logger);
      onStop(() => storage.close());
      await storage.ready();
      const renderer = createChromiumRenderer(config, logger);
      onStop(() => renderer.close());
      const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const enrollment = createEnrollmentClient(config.ENROLLMENT_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const quiz = createQuizClient(config.QUIZ_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => {
        auth.close();
        catalog.close();
        enrollment.close();
        quiz.close();
      });
      const clock = () => new Date();
      const units = createCertificateUnits(sequelize, outbox);
      const issuerKeys = createIssuerKeyring({ config, units, logger, clock });
      const verifier = verifierFromConfig(config, auth, redis);
      const deps: CertificateDeps = { config, logger, units, storage, renderer, issuerKeys, auth, catalog, enrollment, quiz, verifier, clock };
      wired = { deps, sequelize };
      return {
        grpc: { protoFile: 'lms/certificate/v1/certificate.proto', service: 'lms.certificate.v1.CertificateService', handlers: certificateHandlers(deps) },
        consumers: [completionConsumer(deps), pdfRenderConsumer(deps)],
        eventLog: { types: PUBLIC_EVENT_TYPES },
      };
    },
  });
  return { ...running, ...wired! };
}

if (require.main === module) runService(SERVICE_NAME, loadCertificateConfig, start);
