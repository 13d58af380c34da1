import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export { Redis };

/**
 * One Redis connection per process. Commands fail fast when Redis is away (no offline queue, short
 * timeouts), so an outage costs a request milliseconds, not seconds, and each caller decides whether
 * to fail open (general rate limit) or closed (token revocation). It keeps reconnecting in the background.
 */
export function createRedis(url: string, logger?: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let lastWarning = 0;
  redis.on('error', (err) => {
    if (Date.now() - lastWarning > 10_000) {
      lastWarning = Date.now();
      logger?.warn({ err: { message: err.message } }, 'redis connection error');
    }
  });
  return redis;
}

/** Waits for the first connection (up to timeoutMs); start-up goes on without Redis if it doesn't come. */
export function waitForRedis(redis: Redis, timeoutMs: number, logger?: Logger): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      logger?.warn('redis not reachable at start; continuing, it reconnects in the background');
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}

/** Closes gracefully when connected, and in every case stops the background reconnects. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => undefined);
  redis.disconnect(false);
}
