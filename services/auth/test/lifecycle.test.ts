import { QueryTypes } from 'sequelize';
import { createDatabase } from '@lms/kit/db';
import { checkHealth, createClient, loadService } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import { createTestDatabase, createTestVhost, testEnv, testLogger, type TestResource } from '@lms/kit/testing';
import { loadAuthConfig } from '../src/config';
import { start } from '../src/main';
import { KeyEncryption } from '../src/infra/key-encryption';
import { SigningKeyStore } from '../src/infra/signing-key.store';
import { Outbox } from '@lms/kit/events';
import { createAuthDeps } from '../src/app/deps';
import { pruneExpired } from '../src/app/commands/housekeeping';
import { bearer, expectGrpcError, GrpcStatus, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail } from './support';

describe('auth: start-up, shutdown and signing keys (real PostgreSQL/RabbitMQ/Redis)', () => {
  const logger = testLogger('auth');
  let db: TestResource;
  let vhost: TestResource;
  const baseEnv = () => ({
    NODE_ENV: 'test',
    GRPC_PORT: '0',
    DATABASE_URL: db.url,
    AMQP_URL: vhost.url,
    REDIS_URL: testEnv.redisUrl,
    BCRYPT_COST: '4',
    LOG_LEVEL: 'silent',
  });

  beforeAll(async () => {
    db = await createTestDatabase('auth_lifecycle');
    vhost = await createTestVhost('auth_lifecycle');
  });

  afterAll(async () => {
    await vhost?.drop();
    await db?.drop();
  });

  test('When started, then gRPC health is SERVING; when stopped, then the port is closed', async () => {
    const service = await start(loadAuthConfig(baseEnv()), logger);
    expect(await checkHealth(`127.0.0.1:${service.grpcPort}`)).toBe('SERVING');
    await service.stop();
    await expect(checkHealth(`127.0.0.1:${service.grpcPort}`, 500)).rejects.toBeDefined();
  });

  test('When two replicas start on an empty database at once, then exactly one signing key is created and both publish it', async () => {
    const fresh = await createTestDatabase('auth_replicas');
    try {
      const env = { ...baseEnv(), DATABASE_URL: fresh.url };
      const [a, b] = await Promise.all([start(loadAuthConfig(env), logger), start(loadAuthConfig(env), logger)]);
      const sequelize = createDatabase({ url: fresh.url });
      try {
        const rows = await sequelize.query('SELECT kid FROM signing_keys', { type: QueryTypes.SELECT });
        expect(rows).toHaveLength(1);
      } finally {
        await sequelize.close();
      }
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await fresh.drop();
    }
  });

  test('When the broker is unreachable, then start-up does not wait for it and events stay in the outbox', async () => {
    const fresh = await createTestDatabase('auth_nobroker');
    try {
      const service = await start(loadAuthConfig({ ...baseEnv(), DATABASE_URL: fresh.url, AMQP_URL: 'amqp://guest:guest@127.0.0.1:1' }), logger);
      try {
        expect(await checkHealth(`127.0.0.1:${service.grpcPort}`)).toBe('SERVING');
        const client = createClient<AuthServiceDefinition>(
          loadService('lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService'),
          `127.0.0.1:${service.grpcPort}`,
          { deadlineMs: 10_000 },
        );
        const user = await client.Register({ email: uniqueEmail('offline'), password: STRONG_PASSWORD, full_name: 'Offline' });
        client.close();
        const sequelize = createDatabase({ url: fresh.url });
        try {
          const pending = await sequelize.query<{ type: string; subject: string }>(
            "SELECT type, payload->>'subject' AS subject FROM outbox WHERE published_at IS NULL ORDER BY type",
            { type: QueryTypes.SELECT },
          );
          expect(pending).toEqual([
            { type: 'email_verification.requested', subject: user.id }, // sign-up also asks for the verification email
            { type: 'user.registered', subject: user.id },
          ]);
        } finally {
          await sequelize.close();
        }
      } finally {
        await service.stop();
      }
    } finally {
      await fresh.drop();
    }
  });

  test('When the signing key is rotated, then the JWKS publishes both keys and tokens signed by the old one still verify', async () => {
    const h = await startAuth('rotation');
    try {
      const { tokens } = await signUpAndIn(h.client, 'rotation');
      const sequelize = createDatabase({ url: h.db.url });
      try {
        const store = new SigningKeyStore(sequelize, new KeyEncryption(h.config.SIGNING_KEY_ENCRYPTION_SECRET), {
          accessTokenTtlSeconds: h.config.ACCESS_TOKEN_TTL_SECONDS,
        });
        const before = await h.client.GetJwks({});
        const newKid = await store.rotate();
        const after = await h.client.GetJwks({});
        expect(after.keys.map((k) => k.kid).sort()).toEqual([before.keys[0].kid, newKid].sort());
        await expect(h.client.GetMe({}, bearer(tokens.access_token))).resolves.toMatchObject({ email: expect.any(String) });
        const active = await store.activeKey();
        expect(active.kid).toBe(newKid);
      } finally {
        await sequelize.close();
      }
    } finally {
      await h.close();
    }
  });

  test('When the key-encryption secret is wrong, then the service refuses to start with a clear message', async () => {
    const fresh = await createTestDatabase('auth_wrongsecret');
    try {
      const env = { ...baseEnv(), DATABASE_URL: fresh.url };
      const first = await start(loadAuthConfig(env), logger);
      await first.stop();
      await expect(
        start(loadAuthConfig({ ...env, SIGNING_KEY_ENCRYPTION_SECRET: 'another-secret-entirely-0123456789' }), logger),
      ).rejects.toThrow(/Cannot decrypt signing key/);
    } finally {
      await fresh.drop();
    }
  });

  test('When housekeeping runs long after sessions ended, then ended sessions, spent tokens and stale counters are deleted', async () => {
    const h = await startAuth('housekeeping');
    const sequelize = createDatabase({ url: h.db.url });
    try {
      const { email, tokens } = await signUpAndIn(h.client, 'old');
      await h.client.Refresh({ refresh_token: tokens.refresh_token });
      await h.client.RequestPasswordReset({ email });
      await expectGrpcError(h.client.Login({ email, password: 'Wrong-Pass-1' }), GrpcStatus.UNAUTHENTICATED);
      const count = async (table: string) =>
        Number((await sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, { type: QueryTypes.SELECT }))[0].n);
      expect(await count('sessions')).toBe(1);

      const deps = createAuthDeps({ config: h.config, logger, sequelize, outbox: new Outbox(sequelize) });
      await expect(pruneExpired(deps)).resolves.toEqual({ sessions: 0, refresh_tokens: 0, one_time_tokens: 0, login_throttle: 0 });
      const farFuture = new Date(Date.now() + (h.config.REFRESH_TOKEN_TTL_SECONDS + 31 * 86_400) * 1000);
      const pruned = await pruneExpired({ ...deps, clock: () => farFuture });
      // one-time tokens: the sign-up's email verification and the reset; account + account/IP counters
      expect(pruned).toEqual({ sessions: 1, refresh_tokens: 0, one_time_tokens: 2, login_throttle: 2 });
      for (const table of ['sessions', 'refresh_tokens', 'one_time_tokens', 'login_throttle']) expect(await count(table)).toBe(0);
      expect(await count('users')).toBe(1);
    } finally {
      await sequelize.close();
      await h.close();
    }
  });
});
