import { createDatabase } from '@lms/kit/db';
import { createLogger } from '@lms/kit/logging';
import { loadAuthConfig } from '../config';
import { KeyEncryption } from '../infra/key-encryption';
import { SigningKeyStore } from '../infra/signing-key.store';

/**
 * Retires the active signing key and activates a new one. Tokens signed by the old key keep verifying
 * (it stays in the JWKS for ACCESS_TOKEN_TTL_SECONDS + 60 s); running replicas pick up the new key
 * within 30 seconds.
 */
if (require.main === module) {
  const config = loadAuthConfig();
  const logger = createLogger('auth-rotate-signing-key', config.LOG_LEVEL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: 2 });
  const store = new SigningKeyStore(sequelize, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_SECRET), {
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger,
  });
  void store
    .rotate()
    .then(
      (kid) => {
        process.stdout.write(`rotate-signing-key: new active key ${kid}\n`);
        return 0;
      },
      (err: unknown) => {
        logger.fatal({ err }, 'rotation failed');
        return 1;
      },
    )
    .then(async (code) => {
      await sequelize.close();
      process.exit(code);
    });
}
