import { ConfigError, env, loadConfig, z } from '@lms/kit';

/** Development-only default of IDEMPOTENCY_SECRET; refused in production. */
export const DEV_IDEMPOTENCY_SECRET = 'dev-only-lms-gateway-idempotency-secret-change-me';

/**
 * `TRUST_PROXY`: "false" (default: req.ip is the socket address), "true" (trust every hop: the
 * left-most X-Forwarded-For wins), a hop count ("1") or Express's address list ("loopback, 10.0.0.0/8").
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((v): boolean | number | string => {
    const s = v.trim().toLowerCase();
    if (s === 'false' || s === '0' || s === 'no' || s === '') return false;
    if (s === 'true' || s === 'yes') return true;
    if (/^\d+$/.test(s)) return Number(s);
    return v.trim();
  });

export const gatewayConfigShape = {
  NODE_ENV: env.oneOf(['development', 'test', 'production'], 'development'),
  LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  PORT: env.port(8080),
  HOST: env.str('127.0.0.1'),
  AUTH_GRPC_ADDR: env.str('127.0.0.1:50051'),
  CATALOG_GRPC_ADDR: env.str('127.0.0.1:50052'),
  ENROLLMENT_GRPC_ADDR: env.str('127.0.0.1:50053'),
  QUIZ_GRPC_ADDR: env.str('127.0.0.1:50054'),
  ANALYTICS_GRPC_ADDR: env.str('127.0.0.1:50055'),
  MEDIA_GRPC_ADDR: env.str('127.0.0.1:50056'),
  CERTIFICATE_GRPC_ADDR: env.str('127.0.0.1:50057'),
  GRPC_DEADLINE_MS: env.int(3000, { min: 50 }),
  /** Deadline of a call that renders a PDF on the spot (a template preview, the my-progress report): Chromium takes longer than a read. */
  PDF_RENDER_DEADLINE_MS: env.int(15_000, { min: 100 }),
  /** Deadline of one streamed upload or download through media (a 100 MB file on a slow link). */
  MEDIA_STREAM_DEADLINE_MS: env.int(30 * 60_000, { min: 1000 }),
  /**
   * Longest time to receive one whole request (Node's requestTimeout: slow-body clients are cut off).
   * Uploads stream up to 100 MB through the gateway, so this bounds the slowest upload accepted.
   */
  HTTP_REQUEST_TIMEOUT_MS: env.int(10 * 60_000, { min: 1000 }),
  REDIS_URL: env.url('redis://127.0.0.1:56379'),
  REDIS_KEY_PREFIX: env.str('lms:gw:'),
  /** Comma-separated allowed origins; empty = no CORS headers at all (same-origin only). */
  CORS_ORIGINS: env.list(''),
  TRUST_PROXY: trustProxy,
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'a size such as 100kb')
    .default('100kb'),
  RATE_LIMIT_GENERAL_PER_MIN: env.int(100, { min: 1 }),
  RATE_LIMIT_LOGIN_PER_MIN: env.int(5, { min: 1 }),
  RATE_LIMIT_REGISTER_PER_MIN: env.int(10, { min: 1 }),
  /** Bulk enrolments per user and window (each may name hundreds of addresses). */
  RATE_LIMIT_BULK_ENROLL_PER_MIN: env.int(5, { min: 1 }),
  /** Public certificate verifications per client IP and window (numbers are not to be scraped or guessed in bulk). */
  CERTIFICATE_VERIFY_PER_MINUTE: env.int(30, { min: 1 }),
  /** The window the per-minute limits apply to; tests shorten it. */
  RATE_LIMIT_WINDOW_MS: env.int(60_000, { min: 100 }),
  /** Uploads (streamed and direct) per user and upload window: the seed's 10 per hour. */
  RATE_LIMIT_UPLOADS_PER_HOUR: env.int(10, { min: 1 }),
  RATE_LIMIT_UPLOAD_WINDOW_MS: env.int(3_600_000, { min: 100 }),
  JWT_ISSUER: env.str('lms-auth'),
  JWT_AUDIENCE: env.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: env.str('lms:revoked:'),
  SHUTDOWN_TIMEOUT_MS: env.int(10_000, { min: 100 }),
  /**
   * The edge cache of public reads (final JSON bodies the services hinted public, revalidated against Redis on
   * every use): its memory budget in bytes (0 disables it) and its number of entries.
   */
  EDGE_CACHE_MAX_BYTES: env.int(32 * 1024 * 1024, { min: 0 }),
  EDGE_CACHE_MAX_ENTRIES: env.int(10_000, { min: 1 }),
  /**
   * The internal listener (`GET /internal/health/dependencies`: Redis and each backend as last checked).
   * Unset = none. Never route it through the ingress; the default host keeps it on the pod's loopback.
   */
  INTERNAL_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INTERNAL_HOST: env.str('127.0.0.1'),
  /** How often Redis and the backends are checked in the background (state changes are logged). */
  DEPENDENCY_CHECK_INTERVAL_MS: env.int(10_000, { min: 100 }),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.optionalStr(),
  /** Prometheus text at http://METRICS_HOST:METRICS_PORT/metrics, never on the public port; false = no endpoint, no counting. */
  METRICS_ENABLED: env.bool(true),
  /** Loopback by default; a pod listens on 0.0.0.0 (the Kubernetes manifests set it). */
  METRICS_HOST: env.str('127.0.0.1'),
  /** Default: PORT + 1000 (8080 → 9080), 0 when PORT is 0; 0 = any free port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /**
   * Keys the HMAC of stored idempotency fingerprints (Redis never holds a plain hash of a request body).
   * Every replica must share it (a retry may land on another one); required in production.
   */
  IDEMPOTENCY_SECRET: env.str(DEV_IDEMPOTENCY_SECRET),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  return checkProductionSecrets(loadConfig(gatewayConfigShape, source));
}

/** Production refuses development defaults and placeholders for secrets (every problem listed at once). */
function checkProductionSecrets<C extends { NODE_ENV: string; IDEMPOTENCY_SECRET: string }>(config: C): C {
  if (config.NODE_ENV !== 'production') return config;
  const problems: string[] = [];
  const secret = config.IDEMPOTENCY_SECRET;
  if (secret === DEV_IDEMPOTENCY_SECRET || /dev-only|change-?me|example|placeholder/i.test(secret)) {
    problems.push('IDEMPOTENCY_SECRET: a development or placeholder value is not allowed in production');
  } else if (secret.length < 32) {
    problems.push('IDEMPOTENCY_SECRET: must be at least 32 characters in production');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
