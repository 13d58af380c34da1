import type { Redis } from '@lms/kit/redis';
import type { Sequelize } from 'sequelize';
import { RevocationStore, TokenVerifier } from '@lms/kit/auth';
import type { Outbox } from '@lms/kit/events';
import type { Logger } from '@lms/kit/logging';
import type { AuthConfig } from '../config';
import { AccessTokenSigner } from '../infra/access-token.signer';
import { KeyEncryption } from '../infra/key-encryption';
import { LoginThrottleRepository } from '../infra/login-throttle.repository';
import { OneTimeTokenRepository } from '../infra/one-time-token.repository';
import { PasswordHasher } from '../infra/password-hasher';
import { SessionRepository } from '../infra/session.repository';
import { SigningKeyStore } from '../infra/signing-key.store';
import { UserRepository } from '../infra/user.repository';

/** Everything a use case may touch; built once per process by `createAuthDeps`. */
export interface AuthDeps {
  config: AuthConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  users: UserRepository;
  sessions: SessionRepository;
  throttle: LoginThrottleRepository;
  oneTimeTokens: OneTimeTokenRepository;
  hasher: PasswordHasher;
  keys: SigningKeyStore;
  signer: AccessTokenSigner;
  /** Absent only in the command-line tools, which never revoke access tokens. */
  revocations?: RevocationStore;
  verifier?: TokenVerifier;
  clock: () => Date;
}

export function createAuthDeps(input: {
  config: AuthConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  redis?: Redis;
}): AuthDeps {
  const { config, logger, sequelize, outbox, redis } = input;
  const keys = new SigningKeyStore(sequelize, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_SECRET), {
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger,
  });
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
    sequelize,
    outbox,
    users: new UserRepository(sequelize),
    sessions: new SessionRepository(sequelize),
    throttle: new LoginThrottleRepository(sequelize),
    oneTimeTokens: new OneTimeTokenRepository(sequelize),
    hasher: new PasswordHasher(config.BCRYPT_COST),
    keys,
    signer: new AccessTokenSigner(keys, {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    }),
    revocations,
    verifier,
    clock: () => new Date(),
  };
}
