// Catalog, enrollment and quiz, started in-process by the fleet's test support: real PostgreSQL, RabbitMQ, Redis.
import { freePort, startFleet } from '@lms/testing-fleet';
import { login, registerAndLogin, startAuth, type LoggedIn, type TestAuth } from './auth';
import { registerInstructor, type TestCatalog } from './catalog';
import { startGateway, uniquePrefix, type TestGateway } from './gateway';
import type { Api } from './http';

/** A port nothing listens on right now (the OS picks it), to start a service on a known address. */
export { freePort };

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
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    const auth = await startAuth(label, { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    started.push(auth);
    // auth keeps its own vhost; catalog asks enrollment about enrolments its read model has not seen yet
    const services = await startFleet({ label: `gwq_${label}`, services: ['quiz'], authAddress: auth.address, catalogReadsEnrollment: true });
    started.push({ stop: services.close });
    const [catalogHandle, enrollment, quiz] = [services.catalog!, services.enrollment!, services.quiz!];
    const catalog: TestCatalog = { address: catalogHandle.address, stop: () => catalogHandle.close() };
    const stopQuiz = () => quiz.stop();
    const quizAddress = quiz.address;
    const gw = await startGateway(auth.address, {
      CATALOG_GRPC_ADDR: catalog.address,
      ENROLLMENT_GRPC_ADDR: enrollment.address,
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
