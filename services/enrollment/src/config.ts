import { commonServiceConfig, env as field, loadConfig, z } from '@lms/kit/config';

const enrollmentShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50053),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_enrollment'),
  /** Where auth serves its public keys (GetJwks) and resolves users for bulk enrolment. */
  AUTH_GRPC_ADDR: field.str('127.0.0.1:50051'),
  /** Course outlines (enrolment, read-model seeding), ownership checks, titles for "my courses". */
  CATALOG_GRPC_ADDR: field.str('127.0.0.1:50052'),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: field.str('lms:revoked:'),
  /** The largest time_spent_seconds increment one progress update may add. */
  MAX_TIME_INCREMENT_SECONDS: field.int(300, { min: 1, max: 86_400 }),
  /** Enrolments recomputed per transaction when a new course version arrives. */
  RECOMPUTE_BATCH_SIZE: field.int(500, { min: 1, max: 100_000 }),
  /** Progress a student needs before reviewing a course (the seed's documented rule: 20%). */
  REVIEW_MIN_PROGRESS_PERCENT: field.int(20, { min: 0, max: 100 }),
  /** Rows one bulk enrolment may carry (ids + emails). */
  BULK_ENROLL_MAX_ROWS: field.int(1000, { min: 1, max: 10_000 }),
  /** An unknown lesson id asks catalog for a fresh outline at most this often per course. */
  OUTLINE_REFRESH_MIN_INTERVAL_MS: field.int(2000, { min: 0, max: 600_000 }),
  DATABASE_POOL_MAX: field.int(10, { min: 1, max: 200 }),
  /**
   * quiz.passed events completed per transaction (kit `batchSize`): one inbox insert and one commit for the events
   * in hand (never waited for: under low load a batch is one event). Each is still applied in arrival order under
   * its enrolment's row lock, and a failed batch is re-applied event by event. Bounded by EVENT_PREFETCH.
   */
  QUIZ_PASSED_BATCH_SIZE: field.int(16, { min: 1, max: 1000 }),
};

export type EnrollmentConfig = z.infer<z.ZodObject<typeof enrollmentShape>>;

/** The enrollment service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadEnrollmentConfig(source: Record<string, string | undefined> = process.env): EnrollmentConfig {
  return loadConfig(enrollmentShape, source);
}
