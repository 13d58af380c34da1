import { ConfigError, commonServiceConfig, env as field, internalServiceSecretProblem, loadConfig, z } from '@lms/kit/config';
import { storageEnv } from '@lms/storage';

/** Development-only default of MEDIA_URL_SIGNING_SECRET; refused in production. */
export const DEV_MEDIA_URL_SIGNING_SECRET = 'dev-only-lms-media-url-signing-secret-change-me';

const MiB = 1024 * 1024;

/** The seed's allowed extensions (L16234–16236): what a name may end with; the content must agree. */
const extensionList = (def: string) =>
  field.list(def).transform((list) => list.map((ext) => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase()));

const mediaShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50056),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_media'),
  DATABASE_POOL_MAX: field.int(10, { min: 1, max: 200 }),
  /** Where auth serves its public keys (GetJwks). */
  AUTH_GRPC_ADDR: field.str('127.0.0.1:50051'),
  /** Catalog answers "may this caller read a lesson this file is attached to?" (CanReadLessonFile). */
  CATALOG_GRPC_ADDR: field.str('127.0.0.1:50052'),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: field.str('lms:revoked:'),
  /** The gateway's public origin: file_url and (local storage) direct-upload URLs are built on it. */
  PUBLIC_API_URL: field.url('http://localhost:8080'),

  /** STORAGE_PROVIDER, UPLOAD_DIR (local: the directory the objects are kept in, created when missing) and S3_*. */
  ...storageEnv({ directoryVariable: 'UPLOAD_DIR', directoryDefault: '.data/media', bucketDefault: 'lms-media' }),
  /** s3: `redirect` answers a download with a short-lived presigned GET (302); `proxy` streams it through the service. */
  S3_DOWNLOAD_MODE: field.oneOf(['redirect', 'proxy'], 'redirect'),
  /** Lifetime of presigned download URLs. */
  S3_PRESIGNED_GET_SECONDS: field.int(60, { min: 5, max: 3600 }),

  /** Largest upload through the gateway (the seed's MAX_UPLOAD_SIZE, 100 MiB). */
  MAX_UPLOAD_SIZE: field.int(100 * MiB, { min: 1 }),
  /** Largest direct upload (declared, then PUT straight to storage). */
  MAX_DIRECT_UPLOAD_SIZE: field.int(2048 * MiB, { min: 1 }),
  /** Per-user storage quota (files kept + uploads in flight); admins are exempt. */
  USER_STORAGE_QUOTA_BYTES: field.int(2048 * MiB, { min: 1 }),
  ALLOWED_VIDEO_EXTENSIONS: extensionList('.mp4,.avi,.mov,.mkv,.webm'),
  ALLOWED_DOCUMENT_EXTENSIONS: extensionList('.pdf,.doc,.docx,.ppt,.pptx'),
  ALLOWED_IMAGE_EXTENSIONS: extensionList('.jpg,.jpeg,.png,.gif,.webp'),

  /** Direct uploads: lifetime of the PUT URLs. */
  DIRECT_UPLOAD_URL_SECONDS: field.int(3600, { min: 10, max: 7 * 24 * 3600 }),
  /** Direct uploads: after the URLs expired, how long a pending upload waits before it is cleaned up. */
  DIRECT_UPLOAD_CLEANUP_GRACE_SECONDS: field.int(900, { min: 0 }),
  /** Direct uploads to S3 larger than this use multipart (parts of this size; S3 needs ≥ 5 MiB). */
  DIRECT_UPLOAD_PART_SIZE: field.int(64 * MiB, { min: 5 * MiB, max: 5 * 1024 * MiB }),
  /** A streamed upload still pending after this long (its process died mid-way) is cleaned up. */
  STREAM_UPLOAD_TIMEOUT_SECONDS: field.int(3600, { min: 1 }),
  /** Keys the HMAC of local direct-upload URLs; required in production. */
  MEDIA_URL_SIGNING_SECRET: field.str(DEV_MEDIA_URL_SIGNING_SECRET),
};

export type MediaConfig = z.infer<z.ZodObject<typeof mediaShape>>;

/** The media service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadMediaConfig(source: Record<string, string | undefined> = process.env): MediaConfig {
  return checkMediaConfig(loadConfig(mediaShape, source));
}

/** Production refuses development defaults and placeholders for the URL-signing secret. */
function checkMediaConfig(config: MediaConfig): MediaConfig {
  if (config.NODE_ENV !== 'production') return config;
  const problem = internalServiceSecretProblem('production', config.MEDIA_URL_SIGNING_SECRET);
  if (problem) throw new ConfigError([problem.replace('INTERNAL_SERVICE_SECRET', 'MEDIA_URL_SIGNING_SECRET')]);
  return config;
}
