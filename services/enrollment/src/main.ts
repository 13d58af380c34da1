// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import type { Sequelize } from 'sequelize';
import { createAuthClient, verifierFromConfig } from '@lms/kit/auth';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../migrations';
import { createEnrollmentDeps, type EnrollmentDeps } from './app/deps';
import { Recomputer } from './app/commands/recompute';
import { loadEnrollmentConfig, type EnrollmentConfig } from './config';
import { enrollmentHandlers } from './grpc/enrollment.handlers';
import { createCatalogClient } from '@lms/kit/clients';
import { contentChangedConsumer, coursePublishedConsumer, courseStatusConsumer, lessonDeletedConsumer } from './events/course-events.consumer';
import { quizPassedConsumer } from './events/quiz-passed.consumer';
import { accessExpiryConsumer } from './events/access-expiry.consumer';
import { userDirectoryConsumer, userStatusConsumer } from './events/user-status.consumer';
import { certificatesConsumer } from './events/certificates.consumer';

export const SERVICE_NAME = 'enrollment';

/**
 * The public events kept in enrollment's event log (kit: replayed by `analytics rebuild`). Not the internal
 * timer event enrollment.access_scheduled.
 */
const EVENT_LOG_TYPES = [
  'enrollment.created',
  'enrollment.dropped',
  'enrollment.reactivated',
  'enrollment.expired',
  'enrollment.completed',
  'enrollment.progressed',
  'enrollment.reviewed',
  'lesson.started',
  'lesson.completed',
  'lesson.time_recorded',
];

export interface RunningEnrollmentService extends RunningService {
  /**
   * For tests and benchmarks: the wired dependencies (with the pool, for raw counts only: use cases never
   * see it, they get units of work) and the background recompute.
   */
  deps: EnrollmentDeps & { sequelize: Sequelize };
  recomputer: Recomputer;
}

/**
 * Starts the enrollment service on the kit's runtime (database, Redis for revocation marks, outbox
 * relay; see startService) with clients of auth and catalog, the consumers of catalog's course facts
 * and quiz.passed, and the background recompute of enrolments when a course version changes.
 */
export async function start(
  config: EnrollmentConfig,
  logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL),
): Promise<RunningEnrollmentService> {
  let wired: { deps: EnrollmentDeps & { sequelize: Sequelize }; recomputer: Recomputer } | undefined;
  const running = await startService<EnrollmentServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    setup({ sequelize, outbox, redis, onStop }) {
      const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => {
        auth.close();
        catalog.close();
      });
      const verifier = verifierFromConfig(config, auth, redis);
      const deps = createEnrollmentDeps({ config, logger, sequelize, outbox, catalog, auth, verifier });
      const recomputer = new Recomputer(deps);
      deps.requestRecompute = (courseId) => recomputer.request(courseId);
      onStop(() => recomputer.stop());
      wired = { deps: Object.assign(deps, { sequelize }), recomputer };
      return {
        grpc: {
          protoFile: 'lms/enrollment/v1/enrollment.proto',
          service: 'lms.enrollment.v1.EnrollmentService',
          handlers: enrollmentHandlers(deps),
        },
        consumers: [
          coursePublishedConsumer(deps),
          courseStatusConsumer(deps),
          lessonDeletedConsumer(deps),
          contentChangedConsumer(deps),
          quizPassedConsumer(deps),
          accessExpiryConsumer(deps),
          userStatusConsumer(deps),
          userDirectoryConsumer(deps),
          certificatesConsumer(deps),
        ],
        eventLog: { types: EVENT_LOG_TYPES },
        beforeServing: () => recomputer.start(),
      };
    },
  });
  return { ...running, ...wired! };
}

if (require.main === module) runService(SERVICE_NAME, loadEnrollmentConfig, start);
