import Redis from 'ioredis';
import type { Logger } from 'pino';

export { Redis };

/**
 * A Redis client that fails fast instead of queueing commands for minutes when Redis is away:
 * callers decide whether to fail open (rate limits) or closed (token revocation).
 */
export function createRedis(url: string, logger?: Logger): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let warned = false;
  client.on('error', (err) => {
    if (!warned) logger?.warn({ err: err.message }, 'redis error');
    warned = true;
  });
  client.on('ready', () => {
    warned = false;
  });
  return client;
}
