import type { Redis } from '@lms/kit/redis';
import { RevocationStore, TokenVerifier } from '@lms/kit/auth';
import { UnitsOfWork, type Sequelize, type SqlSession, type UnitOfWork } from '@lms/kit/db';
import type { Outbox } from '@lms/kit/events';
import type { Logger } from '@lms/kit/logging';
import type { CatalogClient } from '@lms/kit/clients';
import type { MailMessage } from '@lms/kit/mail';
import type { AuthConfig } from '../config';
import { EVENT_SOURCE } from '../domain/auth.events';
import { AccessTokenSigner } from '../infra/access-token.signer';
import { KeyEncryption } from '../infra/key-encryption';
import { LoginThrottleRepository } from '../infra/login-throttle.repository';
import { OneTimeTokenRepository } from '../infra/one-time-token.repository';
import { PasswordHasher } from '../infra/password-hasher';
import { SessionRepository } from '../infra/session.repository';
import { SigningKeyStore } from '../infra/signing-key.store';
import { TokenSealer } from '../infra/token-sealer';
import { UserRepository } from '../infra/user.repository';

/** The auth tables, as repositories bound to one session (a unit of work's transaction, or autocommit reads). */
export interface AuthRepositories {
  users: UserRepository;
  sessions: SessionRepository;
  throttle: LoginThrottleRepository;
  oneTimeTokens: OneTimeTokenRepository;
}

export function authRepositories(sql: SqlSession): AuthRepositories {
  return {
    users: new UserRepository(sql),
    sessions: new SessionRepository(sql),
    throttle: new LoginThrottleRepository(sql),
    oneTimeTokens: new OneTimeTokenRepository(sql),
  };
}

/** What a command gets: the repositories bound to one transaction, plus `emit` to its outbox. */
export type AuthUnitOfWork = UnitOfWork<AuthRepositories>;

/** Everything an entry point may touch; built once per process by `createAuthDeps`. */
export interface AuthDeps {
  config: AuthConfig;
  logger: Logger;
  /** Entry points run commands in `units.run`; queries read through `units.read`. */
  units: UnitsOfWork<AuthRepositories>;
  hasher: PasswordHasher;
  keys: SigningKeyStore;
  signer: AccessTokenSigner;
  /** Absent only in the command-line tools, which never revoke access tokens. */
  revocations?: RevocationStore;
  verifier?: TokenVerifier;
  /** Seals one-time tokens into the events that carry them to the mail consumer. */
  sealer: TokenSealer;
  /** Sends transactional mail (the kit's Mailer); only the mail consumers use it. Absent in the command-line tools. */
  mailer?: MailSender;
  /** Course titles for the enrolment email; absent in the command-line tools. */
  catalog?: Pick<CatalogClient, 'BatchGetCourses'>;
  clock: () => Date;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

export function createAuthDeps(input: {
  config: AuthConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  redis?: Redis;
  mailer?: MailSender;
  catalog?: Pick<CatalogClient, 'BatchGetCourses'>;
}): AuthDeps {
  const { config, logger, sequelize, outbox, redis, mailer, catalog } = input;
  const keys = new SigningKeyStore(sequelize, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_SECRET), {
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger,
  });
  // Writes the marks (each with its entry in the change stream every verifier's mirror follows) and, mirrored
  // in memory, answers this process's own verifications without a Redis round trip.
  const revocations = redis ? new RevocationStore(redis) : undefined;
  const verifier = revocations
    ? new TokenVerifier({
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        fetchJwks: () => keys.jwks(),
        revocations,
        maxKeyAgeMs: 60_000,
        minRefreshIntervalMs: 1_000,
      })
    : undefined;
  return {
    config,
    logger,
    units: new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: authRepositories }),
    hasher: new PasswordHasher(config.BCRYPT_COST),
    keys,
    signer: new AccessTokenSigner(keys, {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    }),
    revocations,
    verifier,
    sealer: new TokenSealer(config.SIGNING_KEY_ENCRYPTION_SECRET),
    mailer,
    catalog,
    clock: () => new Date(),
  };
}
