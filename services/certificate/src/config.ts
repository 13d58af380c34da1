import { ConfigError, commonServiceConfig, env as field, loadConfig, z } from '@lms/kit/config';
import { storageEnv } from '@lms/storage';

const certificateShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50057),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_certificate'),
  DATABASE_POOL_MAX: field.int(10, { min: 1, max: 200 }),
  /** Auth: public keys (GetJwks) and, at issue time, the student's and instructor's names (BatchGetUsers). */
  AUTH_GRPC_ADDR: field.str('127.0.0.1:50051'),
  /** Catalog: the course's title and instructor at issue time (BatchGetCourses). */
  CATALOG_GRPC_ADDR: field.str('127.0.0.1:50052'),
  /** Enrollment: the enrolment at issue time (GetEnrollmentFacts: status, completed_at, time spent). */
  ENROLLMENT_GRPC_ADDR: field.str('127.0.0.1:50053'),
  /** Quiz: the student's graded attempts in the course (GetCourseGrade) for the final grade. */
  QUIZ_GRPC_ADDR: field.str('127.0.0.1:50054'),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  /** Revocation marks written by auth (kit RevocationStore); must match auth's prefix. */
  REVOCATION_KEY_PREFIX: field.str('lms:revoked:'),
  /** The gateway's public origin: verification, download and credential URLs, and the issuer's did:web, are built on it. */
  PUBLIC_API_URL: field.url('http://localhost:8080'),

  /** Where the PDFs are kept: a local directory (never web-served) or S3 — the storage layer media uses. */
  ...storageEnv({ directoryVariable: 'CERTIFICATE_DIR', directoryDefault: '.data/certificates', bucketDefault: 'lms-certificates' }),

  /** The seed's CERTIFICATE_ISSUER: printed on the certificate and named as the credential's issuer. */
  CERTIFICATE_ISSUER: field.str('LMS Platform'),
  /** The seed's CERTIFICATE_SIGNATURE_NAME: the platform signature on the certificate. */
  CERTIFICATE_SIGNATURE_NAME: field.str('Platform Director'),

  /** Debian's Chromium (apt `chromium`), driven by puppeteer-core. */
  CHROMIUM_PATH: field.str('/usr/bin/chromium'),
  /** Chromium's sandbox needs a non-root user with user namespaces; off by default (containers and CI run as root). */
  CHROMIUM_SANDBOX: field.bool(false),
  /** Pages rendered at once by the one browser of the render process (≈ CPU cores). */
  RENDER_CONCURRENCY: field.int(2, { min: 1, max: 32 }),
  /** A render taking longer is abandoned (the page is closed, the browser checked) and retried by the job. */
  RENDER_TIMEOUT_MS: field.int(30_000, { min: 1000 }),
  /** The browser is replaced after this many documents (bounds what a long-lived Chromium accumulates). */
  BROWSER_RECYCLE_AFTER: field.int(500, { min: 1 }),
  /**
   * The render process (puppeteer-core, qrcode, Chromium) exits after this long without a render: an idle Chromium
   * holds ~400 MiB and the process's heap would stay in RSS; the next render starts them again (~1 s). 0 keeps them.
   */
  CERTIFICATE_RENDERER_IDLE_MS: field.int(60_000, { min: 0 }),
  /** Retry-After of a download asked while its PDF is still being rendered. */
  PDF_RETRY_AFTER_SECONDS: field.int(5, { min: 1, max: 3600 }),

  /**
   * The issuer's Ed25519 signing key for verifiable credentials: a PKCS#8 PEM text (generate one with `openssl genpkey -algorithm ed25519`).
   * Required in production; in development and tests a key is generated once and kept in the database.
   */
  CREDENTIAL_SIGNING_KEY: field.optionalStr(),
  /** Bits of each Bitstring Status List (≥ 131,072 by the spec: a list hides which certificate is asked about). */
  STATUS_LIST_SIZE: field.int(131_072, { min: 131_072, max: 8_388_608 }),
};

export type CertificateConfig = z.infer<z.ZodObject<typeof certificateShape>>;

/** The certificate service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadCertificateConfig(source: Record<string, string | undefined> = process.env): CertificateConfig {
  return checkCertificateConfig(loadConfig(certificateShape, source));
}

/** Production needs a real signing key: a generated one would silently change the issuer's identity per database. */
function checkCertificateConfig(config: CertificateConfig): CertificateConfig {
  if (config.NODE_ENV === 'production' && !config.CREDENTIAL_SIGNING_KEY) {
    throw new ConfigError(['CREDENTIAL_SIGNING_KEY: required in production (an Ed25519 private key, PKCS#8 PEM)']);
  }
  return config;
}
