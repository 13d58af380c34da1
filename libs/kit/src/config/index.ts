import { z } from 'zod';

export { z };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once against a schema and fails fast with every problem listed.
 * Services call this in their config.ts; `process.env` is read nowhere else.
 */
export function loadConfig<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Field helpers with working local defaults. Environment values are strings, so they are coerced. */
export const env = {
  str: (def?: string) => (def === undefined ? z.string().min(1) : z.string().min(1).default(def)),
  optionalStr: () => z.string().optional(),
  int: (def: number, opts: { min?: number; max?: number } = {}) =>
    z.coerce
      .number()
      .int()
      .min(opts.min ?? Number.MIN_SAFE_INTEGER)
      .max(opts.max ?? Number.MAX_SAFE_INTEGER)
      .default(def),
  port: (def: number) => z.coerce.number().int().min(0).max(65535).default(def),
  bool: (def: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(def ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  url: (def: string) => z.string().url().default(def),
  oneOf: <T extends [string, ...string[]]>(values: T, def: T[number]) => z.enum(values).default(def as never),
  list: (def: string) =>
    z
      .string()
      .default(def)
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
};

/**
 * The shared secret from which every process signs its internal gRPC calls (service tokens, kit grpc).
 * Development-only default: refused in production, like any value that looks like a placeholder.
 */
export const DEV_INTERNAL_SERVICE_SECRET = 'dev-only-lms-internal-service-secret-change-me';

/** Why a secret is not acceptable for NODE_ENV, or undefined when it is. */
export function internalServiceSecretProblem(nodeEnv: string, secret: string): string | undefined {
  if (nodeEnv !== 'production') return undefined;
  if (!secret) return 'INTERNAL_SERVICE_SECRET: required in production';
  if (secret === DEV_INTERNAL_SERVICE_SECRET || /dev-only|change-?me|example|placeholder/i.test(secret)) {
    return 'INTERNAL_SERVICE_SECRET: a development or placeholder value is not allowed in production';
  }
  if (secret.length < 32) return 'INTERNAL_SERVICE_SECRET: must be at least 32 characters in production';
  if (new Set(secret).size < 10) return 'INTERNAL_SERVICE_SECRET: too little variety for a secret (use e.g. `openssl rand -base64 48`)';
  return undefined;
}

/**
 * INTERNAL_SERVICE_SECRET of this process (NODE_ENV parsed with the shared default), refused in production when
 * missing or weak. The kit's GrpcServer and createClient read it through this when they are built, i.e. at
 * start-up of every service and of the gateway: a production process without a proper secret does not start.
 */
export function loadInternalServiceSecret(source: Record<string, string | undefined> = process.env): string {
  const config = loadConfig(
    { NODE_ENV: commonServiceConfig.NODE_ENV, INTERNAL_SERVICE_SECRET: commonServiceConfig.INTERNAL_SERVICE_SECRET },
    source,
  );
  const problem = internalServiceSecretProblem(config.NODE_ENV, config.INTERNAL_SERVICE_SECRET);
  if (problem) throw new ConfigError([problem]);
  return config.INTERNAL_SERVICE_SECRET;
}

/** Settings every service process shares. */
export const commonServiceConfig = {
  /**
   * Fails closed: a process started without NODE_ENV is production (development-only conveniences such
   * as default secrets are refused); scripts/run.sh and the tests say `development`/`test` explicitly.
   */
  NODE_ENV: env.oneOf(['development', 'test', 'production'], 'production'),
  LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  GRPC_HOST: env.str('127.0.0.1'),
  AMQP_URL: env.url('amqp://guest:guest@127.0.0.1:55672'),
  REDIS_URL: env.url('redis://127.0.0.1:56379'),
  MIGRATE_ON_START: env.bool(true),
  GRPC_DEADLINE_MS: env.int(3000, { min: 50 }),
  SHUTDOWN_TIMEOUT_MS: env.int(10000, { min: 100 }),
  EVENT_PREFETCH: env.int(16, { min: 1, max: 1000 }),
  EVENT_MAX_RETRIES: env.int(5, { min: 0, max: 50 }),
  EVENT_RETRY_BASE_MS: env.int(1000, { min: 10 }),
  OUTBOX_POLL_MS: env.int(500, { min: 10 }),
  /**
   * Days the service's event log (its published public events, kept in the outbox for replays such as
   * `analytics rebuild`) is kept; 0 = for ever. Storage: one outbox row per event (~0.5–2 kB) for that long.
   */
  EVENT_LOG_RETENTION_DAYS: env.int(0, { min: 0 }),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.optionalStr(),
  /** Prometheus text at http://METRICS_HOST:METRICS_PORT/metrics (docs/observability.md §Metrics); false = no endpoint, no counting. */
  METRICS_ENABLED: env.bool(true),
  /** Loopback by default; a pod listens on 0.0.0.0 (the Kubernetes manifests set it). */
  METRICS_HOST: env.str('127.0.0.1'),
  /** Default: GRPC_PORT + 1000 (catalog 50052 → 51052), 0 when GRPC_PORT is 0; 0 = any free port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Signs and verifies internal gRPC calls (kit grpc service tokens); required in production. */
  INTERNAL_SERVICE_SECRET: env.str(DEV_INTERNAL_SERVICE_SECRET),
};

/** PROTO_DIR: where the .proto contracts are when not at the repository root (read before any config loads). */
export function protoDirOverride(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.PROTO_DIR || undefined;
}
