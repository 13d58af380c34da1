import { commonServiceConfig, env as field, loadConfig, z } from '@lms/kit/config';

const analyticsShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50055),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_analytics'),
  /** Where auth serves its public keys (GetJwks) — and its event log, read by `analytics rebuild`. */
  AUTH_GRPC_ADDR: field.str('127.0.0.1:50051'),
  /** Read only by `analytics rebuild`: the producers whose event logs it replays (the service never calls them). */
  CATALOG_GRPC_ADDR: field.str('127.0.0.1:50052'),
  /** Read only by `analytics rebuild`. */
  ENROLLMENT_GRPC_ADDR: field.str('127.0.0.1:50053'),
  /** Read only by `analytics rebuild`. */
  QUIZ_GRPC_ADDR: field.str('127.0.0.1:50054'),
  /** Read only by `analytics rebuild`: events applied per transaction. */
  REBUILD_BATCH_SIZE: field.int(500, { min: 1, max: 2000 }),
  /** Certificate renders the progress report PDF (RenderProgressReport); `analytics rebuild` also replays its event log. */
  CERTIFICATE_GRPC_ADDR: field.str('127.0.0.1:50057'),
  /**
   * Deadline of one RenderProgressReport call: a render on a cold renderer includes starting Chromium (1–2 s), more
   * than GRPC_DEADLINE_MS allows. The caller's own deadline (the gateway's) still bounds it.
   */
  REPORT_RENDER_DEADLINE_MS: field.int(15_000, { min: 100 }),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: field.str('lms:revoked:'),
  DATABASE_POOL_MAX: field.int(10, { min: 1, max: 200 }),
  /**
   * Facts applied per transaction by the live consumer (kit `batchSize`): the events in hand are applied together,
   * one inbox insert and one commit for up to this many (a batch is never waited for: under low load it is one
   * event). 1 = one transaction per event. A failed batch is re-applied event by event, so one bad fact is
   * retried/parked alone. Bounded by EVENT_PREFETCH (the messages in hand).
   */
  INGEST_BATCH_SIZE: field.int(100, { min: 1, max: 1000 }),
  /** Overrides the common default (16): at least 2 × INGEST_BATCH_SIZE, so a full batch fills while the previous one commits. */
  EVENT_PREFETCH: field.int(256, { min: 1, max: 1000 }),
};

export type AnalyticsConfig = z.infer<z.ZodObject<typeof analyticsShape>>;

/** The analytics service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadAnalyticsConfig(source: Record<string, string | undefined> = process.env): AnalyticsConfig {
  return loadConfig(analyticsShape, source);
}
