import { ConfigError, commonServiceConfig, env as field, loadConfig, z } from '@lms/kit/config';

/** Development-only default; the service refuses to start with it in production. */
export const DEV_SIGNING_KEY_ENCRYPTION_SECRET = 'dev-only-lms-auth-signing-key-secret-change-me';

const authShape = {
  ...commonServiceConfig,
  GRPC_PORT: field.port(50051),
  DATABASE_URL: field.url('postgres://lms:lms@127.0.0.1:55432/lms_auth'),
  BCRYPT_COST: field.int(12, { min: 4, max: 15 }),
  ACCESS_TOKEN_TTL_SECONDS: field.int(900, { min: 30, max: 86_400 }),
  REFRESH_TOKEN_TTL_SECONDS: field.int(1_209_600, { min: 60, max: 31_536_000 }),
  /** A session ends this long after sign-in however often it is refreshed (30 days). */
  SESSION_ABSOLUTE_TTL_SECONDS: field.int(2_592_000, { min: 1, max: 31_536_000 }),
  /**
   * A just-rotated refresh token presented again this soon, from the client IP that rotated it, is a
   * race between two tabs, not theft: 401 AUTH.REFRESH_SUPERSEDED without revoking the session.
   */
  REFRESH_REUSE_GRACE_SECONDS: field.int(10, { min: 0, max: 60 }),
  /**
   * Refresh-token rotations one session allows (the seed's MAX_REFRESH_TOKEN_ROTATIONS): the refresh after
   * the last one is refused (401 AUTH.REFRESH_MAX_ROTATIONS, the session revoked) and the user signs in again.
   */
  REFRESH_MAX_ROTATIONS: field.int(50, { min: 1, max: 100_000 }),
  /** Live sessions per user; signing in beyond it revokes the oldest. */
  MAX_SESSIONS_PER_USER: field.int(20, { min: 1, max: 1000 }),
  JWT_ISSUER: field.str('lms-auth'),
  JWT_AUDIENCE: field.str('lms-api'),
  ALLOW_INSTRUCTOR_SIGNUP: field.bool(false),
  SIGNING_KEY_ENCRYPTION_SECRET: field.str(DEV_SIGNING_KEY_ENCRYPTION_SECRET),
  LOGIN_MAX_FAILURES: field.int(5, { min: 1, max: 1000 }),
  /** Failures from one client IP (across accounts) before that IP is locked; shared NATs need headroom. */
  LOGIN_IP_MAX_FAILURES: field.int(20, { min: 1, max: 100_000 }),
  LOGIN_LOCK_SECONDS: field.int(900, { min: 1, max: 86_400 }),
  /** Delay of every sign-in answer for an account that failed LOGIN_MAX_FAILURES times from anywhere. */
  LOGIN_ACCOUNT_SLOWDOWN_MS: field.int(1000, { min: 0, max: 10_000 }),
  PASSWORD_RESET_TTL_SECONDS: field.int(3600, { min: 1, max: 604_800 }),
  EMAIL_VERIFICATION_TTL_SECONDS: field.int(86_400, { min: 1, max: 2_592_000 }),
  /**
   * Test/demo switch: also hand password-reset and email-verification tokens back in the reply (they are
   * emailed either way). Never implied by NODE_ENV; refused in production.
   */
  EXPOSE_ONE_TIME_TOKENS: field.bool(false),
  /**
   * Where transactional mail goes (`smtp://user:pass@host:port`, `smtps://…`). The default is the local
   * capture mailbox of scripts/infra.sh; production warns at start-up about a loopback host.
   */
  SMTP_URL: field.url('smtp://127.0.0.1:51025'),
  /** The sender of every email. */
  MAIL_FROM: field.str('LMS Fleet <no-reply@localhost>'),
  /** The public web app the links in emails point to (`/reset-password?token=…`, `/verify-email?token=…`, `/courses/{id}`). */
  APP_BASE_URL: field.url('http://localhost:8080'),
  /** Course titles for the enrolment confirmation email (BatchGetCourses). */
  CATALOG_GRPC_ADDR: field.str('127.0.0.1:50052'),
};

export type AuthConfig = z.infer<z.ZodObject<typeof authShape>>;

/** Fragments of published, placeholder or development values (compared case-insensitively). */
const KNOWN_WEAK_FRAGMENTS = ['dev-only', 'change-me', 'changeme', 'change_me', 'secret', 'password', 'example', 'default'];
const MIN_SECRET_LENGTH = 32;
/** Random hex has only 16 symbols: 32 random hex digits show ~14 of them, so the bar is 10, not 16. */
const MIN_DISTINCT_CHARACTERS = 10;

/**
 * Why a secret is not fit for production (empty = fine): a value printed in this repository or
 * shaped like a placeholder, shorter than 32 characters, or with too little variety to be random
 * (fewer than 10 distinct characters, or one character repeated 6+ times in a row). Random output
 * (`openssl rand -base64 48`, `openssl rand -hex 32`) passes; placeholders and patterns do not.
 */
export function weakSecretProblems(name: string, value: string): string[] {
  const problems: string[] = [];
  const lower = value.toLowerCase();
  const fragment = KNOWN_WEAK_FRAGMENTS.find((f) => lower.includes(f));
  if (value === DEV_SIGNING_KEY_ENCRYPTION_SECRET || fragment) {
    problems.push(`${name}: a published or placeholder value${fragment ? ` (contains "${fragment}")` : ''} is not allowed in production`);
  }
  if (value.length < MIN_SECRET_LENGTH) problems.push(`${name}: must be at least ${MIN_SECRET_LENGTH} characters in production`);
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS || /(.)\1{5,}/.test(value)) {
    problems.push(`${name}: too little entropy (use random bytes, e.g. openssl rand -base64 48)`);
  }
  return problems;
}

function checkProductionSecrets(config: AuthConfig): AuthConfig {
  if (config.NODE_ENV === 'production') {
    const problems = weakSecretProblems('SIGNING_KEY_ENCRYPTION_SECRET', config.SIGNING_KEY_ENCRYPTION_SECRET);
    if (config.EXPOSE_ONE_TIME_TOKENS) {
      problems.push('EXPOSE_ONE_TIME_TOKENS: must not be true in production (anyone could reset any password)');
    }
    if (problems.length) throw new ConfigError(problems);
  }
  return config;
}

/**
 * Mail settings that look left at their local defaults in production. Warned about at start-up, not
 * refused: a deployment without a mail provider (the compose demo) still runs, its emails fail, are
 * retried and parked in `auth.mail.*.parking-lot` until SMTP_URL points at a real server.
 */
export function mailConfigWarnings(config: AuthConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const warnings: string[] = [];
  if (isLoopbackUrl(config.SMTP_URL)) warnings.push('SMTP_URL points at this host (the local capture mailbox?): emails will not reach anyone');
  if (isLoopbackUrl(config.APP_BASE_URL)) warnings.push('APP_BASE_URL is a localhost address: links in emails will not work for users');
  return warnings;
}

function isLoopbackUrl(value: string): boolean {
  const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.') || host.endsWith('.localhost');
}

/** The auth service's configuration, parsed once at start-up; throws a ConfigError listing every problem. */
export function loadAuthConfig(source: Record<string, string | undefined> = process.env): AuthConfig {
  return checkProductionSecrets(loadConfig(authShape, source));
}

const bootstrapAdminShape = {
  ...authShape,
  ADMIN_EMAIL: field.str(),
  ADMIN_PASSWORD: field.str(),
  ADMIN_FULL_NAME: field.str('Administrator'),
};

export type BootstrapAdminConfig = z.infer<z.ZodObject<typeof bootstrapAdminShape>>;

/** Configuration of the bootstrap-admin command: the service's settings plus the admin to ensure. */
export function loadBootstrapAdminConfig(
  source: Record<string, string | undefined> = process.env,
): BootstrapAdminConfig {
  const config = loadConfig(bootstrapAdminShape, source);
  checkProductionSecrets(config);
  return config;
}
