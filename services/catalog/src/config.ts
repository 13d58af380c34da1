import { commonServiceConfig, env as field, loadConfig, z } from '@lms/kit/config';

const catalogShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50052),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_catalog'),
  /** Where auth serves its public keys (GetJwks) and instructor profiles (BatchGetUsers). */
  AUTH_GRPC_ADDR: field.str('127.0.0.1:50051'),
  /** Asked only when a student opens a lesson before the enrolment's event has reached the catalog. */
  ENROLLMENT_GRPC_ADDR: field.str('127.0.0.1:50053'),
  /** Asked (BatchGetFileFacts) when a lesson write attaches uploaded files; serves nothing else to the catalog. */
  MEDIA_GRPC_ADDR: field.str('127.0.0.1:50056'),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: field.str('lms:revoked:'),
  /** Lifetime of cached public course lists and details (they are also invalidated by every write). */
  CACHE_TTL_SECONDS: field.int(60, { min: 0, max: 86_400 }),
  REDIS_KEY_PREFIX: field.str('lms:catalog:'),
  /** ISO 4217 currency of a course created (or updated with `currency: ""`) without one. */
  DEFAULT_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be three upper-case letters (ISO 4217), e.g. USD')
    .default('USD'),
};

export type CatalogConfig = z.infer<z.ZodObject<typeof catalogShape>>;

/** The catalog service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadCatalogConfig(source: Record<string, string | undefined> = process.env): CatalogConfig {
  return loadConfig(catalogShape, source);
}
