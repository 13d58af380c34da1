import { commonServiceConfig, env as field, loadConfig, z } from '@lms/kit/config';

const quizShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50054),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_quiz'),
  /** Where auth serves its public keys (GetJwks). */
  AUTH_GRPC_ADDR: field.str('127.0.0.1:50051'),
  /** Course ownership and lesson checks when a quiz is created (GetCourse, GetLesson with the caller's token). */
  CATALOG_GRPC_ADDR: field.str('127.0.0.1:50052'),
  /** Enrolment checks of students (IsEnrolled with the student's token). */
  ENROLLMENT_GRPC_ADDR: field.str('127.0.0.1:50053'),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: field.str('lms:revoked:'),
  /** Saves and submits are accepted this long after an attempt's deadline (network latency, client clocks). */
  SUBMIT_GRACE_SECONDS: field.int(15, { min: 0, max: 300 }),
  /** Answers one SaveAnswers / SubmitAttempt call may carry. */
  MAX_ANSWERS_PER_SAVE: field.int(200, { min: 1, max: 10_000 }),
  DATABASE_POOL_MAX: field.int(10, { min: 1, max: 200 }),
  /** Attempts a regrade handles per batch (one short transaction each). */
  REGRADE_BATCH_SIZE: field.int(200, { min: 1, max: 5000 }),
  /** Pause between two batches of a real regrade (the kit's delay queues hold the next batch's event; 0 = none). */
  REGRADE_BATCH_PAUSE_MS: field.int(0, { min: 0, max: 3_600_000 }),
  /** A dry run is answered synchronously: it examines at most this many attempts (then `truncated`). */
  REGRADE_DRY_RUN_MAX_ATTEMPTS: field.int(2000, { min: 1, max: 100_000 }),
  /** Immutable question versions kept in memory for papers and grading (see QuestionCache; 0 = none). */
  QUESTION_VERSION_CACHE_SIZE: field.int(10_000, { min: 0, max: 1_000_000 }),
  /** Quizzes whose current questions and pools are kept in memory for new attempts, by definition version (0 = none). */
  QUIZ_DEFINITION_CACHE_SIZE: field.int(200, { min: 0, max: 100_000 }),
};

export type QuizConfig = z.infer<z.ZodObject<typeof quizShape>>;

/** The quiz service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadQuizConfig(source: Record<string, string | undefined> = process.env): QuizConfig {
  return loadConfig(quizShape, source);
}
