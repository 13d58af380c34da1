// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import { createAuthClient, verifierFromConfig } from '@lms/kit/auth';
import type { QuizServiceDefinition } from '@lms/kit/generated/lms/quiz/v1/QuizService';
import { runService, startService, type RunningService } from '@lms/kit/lifecycle';
import { UnitsOfWork, type Sequelize } from '@lms/kit/db';
import { createLogger, type Logger } from '@lms/kit/logging';
import { migrations } from '../migrations';
import { createQuizDeps, quizRepositories, type QuizDeps } from './app/deps';
import { EVENT_SOURCE } from './domain/quiz.events';
import { loadQuizConfig, type QuizConfig } from './config';
import { quizHandlers } from './grpc/quiz.handlers';
import { createCatalogClient, createEnrollmentClient } from '@lms/kit/clients';
import { catalogDeletionsConsumer } from './events/catalog-deletions.consumer';
import { attemptDeadlineConsumer } from './events/attempt-deadline.consumer';
import { regradeConsumer } from './events/regrade.consumer';
import { resumeRegrades } from './app/commands/resume-regrades';
import { QuestionCache } from './infra/question.cache';

export const SERVICE_NAME = 'quiz';

/**
 * The public events kept in quiz's event log (kit: replayed by `analytics rebuild`). Not the internal
 * quiz.regrade_requested, nor the deprecated quiz.attempt_started (no longer published; the duplicate that older
 * processes wrote alongside attempt.started stays out of the log).
 */
const EVENT_LOG_TYPES = [
  'attempt.started',
  'quiz.submitted',
  'quiz.graded',
  'quiz.regraded',
  'quiz.passed',
  'quiz.failed',
  'quiz.published',
  'quiz.unpublished',
];

export interface RunningQuizService extends RunningService {
  /** For tests and benchmarks: the wired use-case dependencies. */
  deps: QuizDeps;
  /** For tests: the service's database pool (e.g. to count the queries of a call). */
  sequelize: Sequelize;
}

/**
 * Starts the quiz service on the kit's runtime (database, Redis for revocation marks, outbox relay; see
 * startService) with clients of auth (JWKS), catalog (quiz creation checks) and enrollment (IsEnrolled), and
 * the consumer that closes attempts at their deadline (our own attempt.started, delayed by the kit) and
 * the one that runs regrades batch by batch (our own quiz.regrade_requested).
 */
export async function start(config: QuizConfig, logger: Logger = createLogger(SERVICE_NAME, config.LOG_LEVEL)): Promise<RunningQuizService> {
  let wired: { deps: QuizDeps; sequelize: Sequelize } | undefined;
  const running = await startService<QuizServiceDefinition>({
    name: SERVICE_NAME,
    config,
    logger,
    migrations,
    setup({ sequelize, outbox, redis, onStop }) {
      const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      const enrollment = createEnrollmentClient(config.ENROLLMENT_GRPC_ADDR, config.GRPC_DEADLINE_MS);
      onStop(() => {
        auth.close();
        catalog.close();
        enrollment.close();
      });
      const verifier = verifierFromConfig(config, auth, redis);
      const questionCache = new QuestionCache({ versions: config.QUESTION_VERSION_CACHE_SIZE, definitions: config.QUIZ_DEFINITION_CACHE_SIZE });
      const units = new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: (sql) => quizRepositories(sql, questionCache) });
      const deps = createQuizDeps({ config, logger, units, catalog, enrollment, verifier });
      wired = { deps, sequelize };
      return {
        grpc: { protoFile: 'lms/quiz/v1/quiz.proto', service: 'lms.quiz.v1.QuizService', handlers: quizHandlers(deps) },
        consumers: [attemptDeadlineConsumer(deps), catalogDeletionsConsumer(deps), regradeConsumer(deps)],
        eventLog: { types: EVENT_LOG_TYPES },
        // Regrade runs left unfinished by a crash or a parked event continue from their cursor.
        beforeServing: () =>
          resumeRegrades(deps).then(
            () => undefined,
            (err: Error) => logger.warn({ err: err.message }, 'could not resume unfinished regrades'),
          ),
      };
    },
  });
  return { ...running, ...wired! };
}

if (require.main === module) runService(SERVICE_NAME, loadQuizConfig, start);
