import { createHash } from 'node:crypto';
import { closeRedis, createRedis, waitForRedis, type Redis } from '@lms/kit/redis';
import { testEnv, testLogger } from '@lms/kit/testing';
import { DEV_IDEMPOTENCY_SECRET, loadGatewayConfig } from '../src/config';
import { IdempotencyStore } from '../src/middleware/idempotency';
import { uniquePrefix } from './support/gateway';

/**
 * Review A8: what Redis keeps of an idempotent request must not let its reader test password guesses.
 * The fingerprint is an HMAC with the gateway's secret over the body without its secret fields.
 */
describe('Idempotency fingerprints', () => {
  const SECRET = 'test-idempotency-secret-0123456789-abcdefghij';
  let redis: Redis;
  let prefix: string;

  beforeAll(async () => {
    redis = createRedis(testEnv.redisUrl);
    await waitForRedis(redis, 5000);
    prefix = uniquePrefix('idem');
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await closeRedis(redis);
  });

  async function storedFingerprints(): Promise<string[]> {
    const keys = await redis.keys(`${prefix}idem:*`);
    const values = await Promise.all(keys.map((k) => redis.get(k)));
    return values.map((v) => (JSON.parse(v ?? '{}') as { fingerprint: string }).fingerprint);
  }

  test('When a register body with a password is stored, then Redis holds neither sha256(body) nor anything derived from the password alone', async () => {
    const store = new IdempotencyStore(redis, prefix, testLogger('gateway'), SECRET);
    const body = { email: 'ada@example.com', password: 'Correct-Horse-9', full_name: 'Ada' };
    const started = await store.start('key-1', 'ip:203.0.113.7', 'post /api/v1/auth/register', body);
    expect(started.kind).toBe('new');
    if (started.kind === 'new') await started.complete(201, { id: 'u1' });

    const raw = (await redis.get((await redis.keys(`${prefix}idem:*`))[0])) ?? '';
    const [fingerprint] = await storedFingerprints();
    const sha = (v: string) => createHash('sha256').update(v).digest('hex');
    expect(fingerprint).not.toBe(sha(JSON.stringify(body)));
    expect(fingerprint).not.toBe(sha(JSON.stringify({ email: body.email, full_name: body.full_name })));
    expect(raw).not.toContain('Correct-Horse-9');
    expect(raw).not.toContain(sha('Correct-Horse-9'));

    // The password is not an input at all: only it changes → the same fingerprint (a replay, not a 422).
    expect(store.fingerprint({ ...body, password: 'Other-Guess-1' })).toBe(fingerprint);
    const retried = await store.start('key-1', 'ip:203.0.113.7', 'post /api/v1/auth/register', { ...body, password: 'Other-Guess-1' });
    expect(retried).toMatchObject({ kind: 'replay', status: 201, body: { id: 'u1' } });
    // Any other field still counts: a different email under the same key is refused.
    await expect(store.start('key-1', 'ip:203.0.113.7', 'post /api/v1/auth/register', { ...body, email: 'eve@example.com' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  test('When the fingerprint is computed, then it depends on the secret (keyed) and every secret field at any depth is left out', () => {
    const a = new IdempotencyStore(redis, prefix, testLogger('gateway'), SECRET);
    const replica = new IdempotencyStore(redis, prefix, testLogger('gateway'), SECRET);
    const other = new IdempotencyStore(redis, prefix, testLogger('gateway'), `${SECRET}-other`);
    const body = { email: 'ada@example.com', nested: { token: 't', refresh_token: 'r' }, current_password: 'c', new_password: 'n' };
    expect(replica.fingerprint(body)).toBe(a.fingerprint(body)); // replicas agree (shared secret)
    expect(other.fingerprint(body)).not.toBe(a.fingerprint(body));
    expect(a.fingerprint(body)).toBe(a.fingerprint({ email: 'ada@example.com', nested: {} }));
    expect(a.fingerprint(body)).not.toBe(a.fingerprint({ email: 'eve@example.com', nested: {} }));
  });

  test('When NODE_ENV is production, then IDEMPOTENCY_SECRET must be set to a real secret; elsewhere the dev default works', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'development' }).IDEMPOTENCY_SECRET).toBe(DEV_IDEMPOTENCY_SECRET);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/IDEMPOTENCY_SECRET/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', IDEMPOTENCY_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', IDEMPOTENCY_SECRET: 'change-me-change-me-change-me-change-me' })).toThrow(/placeholder/);
    expect(loadGatewayConfig({ NODE_ENV: 'production', IDEMPOTENCY_SECRET: SECRET }).IDEMPOTENCY_SECRET).toBe(SECRET);
  });
});
