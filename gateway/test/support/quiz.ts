import net from 'node:net';
import { createTestDatabase, createTestVhost, testEnv, testLogger, type TestResource } from '@lms/kit/testing';
// The enrollment and quiz services themselves, started in-process (tests only): real PostgreSQL, RabbitMQ, Redis.
import { loadEnrollmentConfig } from '@lms/enrollment/config';
import { start as startEnrollment } from '@lms/enrollment/main';
import { loadQuizConfig } from '@lms/quiz/config';
import { start as startQuizService } from '@lms/quiz/main';
import { login, registerAndLogin, startAuth, type LoggedIn, type TestAuth } from './auth';
import { registerInstructor, startCatalog, type TestCatalog } from './catalog';
import { startGateway, uniquePrefix, type TestGateway } from './gateway';
import type { Api } from './http';

/** A port nothing listens on right now (the OS picks it), to start a service on a known address. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The whole path of a quiz: auth, catalog, enrollment, quiz and the gateway. Catalog, enrollment and quiz
 * share one RabbitMQ vhost, so course.published reaches enrollment and quiz.passed completes the lesson.
 * Each service has its own database; everything is torn down by stop().
 */
export interface QuizFleet {
  auth: TestAuth;
  catalog: TestCatalog;
  gw: TestGateway;
  api: Api;
  quizAddress: string;
  admin: LoggedIn;
  /** The instructor who owns the fixtures. */
  owner: LoggedIn;
  /** Another instructor. */
  other: LoggedIn;
  student: LoggedIn;
  /** Another student (never enrolled unless a test enrols them). */
  otherStudent: LoggedIn;
  /** Stops the quiz service only (readiness/unavailability checks); stop() is still safe afterwards. */
  stopQuiz(): Promise<void>;
  stop(): Promise<void>;
}

export async function startQuizFleet(label: string): Promise<QuizFleet> {
  const started: Stoppable[] = [];
  const resources: TestResource[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    for (const r of resources) await r.drop().catch(() => undefined);
  };
  try {
    const auth = await startAuth(label, { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    started.push(auth);
    const vhost = await createTestVhost(`gwq_${label}`);
    const enrollmentDb = await createTestDatabase(`gwqe_${label}`);
    const quizDb = await createTestDatabase(`gwqq_${label}`);
    resources.push(vhost, enrollmentDb, quizDb);

    // catalog asks enrollment about enrolments its read model has not seen yet: give enrollment a known port
    const enrollmentPort = await freePort();
    const catalog = await startCatalog(`q_${label}`, auth.address, {
      AMQP_URL: vhost.url,
      OUTBOX_POLL_MS: '100',
      ENROLLMENT_GRPC_ADDR: `127.0.0.1:${enrollmentPort}`,
    });
    started.push(catalog);
    const enrollment = await startEnrollment(
      loadEnrollmentConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        GRPC_PORT: String(enrollmentPort),
        DATABASE_URL: enrollmentDb.url,
        AMQP_URL: vhost.url,
        REDIS_URL: testEnv.redisUrl,
        AUTH_GRPC_ADDR: auth.address,
        CATALOG_GRPC_ADDR: catalog.address,
        OUTBOX_POLL_MS: '100',
      }),
      testLogger('enrollment'),
    );
    started.push(enrollment);
    const enrollmentAddress = `127.0.0.1:${enrollment.grpcPort}`;
    const quiz = await startQuizService(
      loadQuizConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        GRPC_PORT: '0',
        DATABASE_URL: quizDb.url,
        AMQP_URL: vhost.url,
        REDIS_URL: testEnv.redisUrl,
        AUTH_GRPC_ADDR: auth.address,
        CATALOG_GRPC_ADDR: catalog.address,
        ENROLLMENT_GRPC_ADDR: enrollmentAddress,
        OUTBOX_POLL_MS: '100',
      }),
      testLogger('quiz'),
    );
    let quizStopped: Promise<void> | undefined;
    const stopQuiz = () => (quizStopped ??= quiz.stop());
    started.push({ stop: stopQuiz });
    const quizAddress = `127.0.0.1:${quiz.grpcPort}`;
    const gw = await startGateway(auth.address, {
      CATALOG_GRPC_ADDR: catalog.address,
      ENROLLMENT_GRPC_ADDR: enrollmentAddress,
      QUIZ_GRPC_ADDR: quizAddress,
      REDIS_KEY_PREFIX: uniquePrefix(`quiz_${label}`),
    });
    started.push(gw);
    const api = gw.api;
    const creds = await auth.createAdmin();
    const [admin, owner, other, student, otherStudent] = await Promise.all([
      login(api, creds.email, creds.password),
      registerInstructor(api, 'owner'),
      registerInstructor(api, 'other'),
      registerAndLogin(api, 'student'),
      registerAndLogin(api, 'otherstudent'),
    ]);
    return { auth, catalog, gw, api, quizAddress, admin, owner, other, student, otherStudent, stopQuiz, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
