import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '@lms/kit';
import { runService } from '@lms/kit/lifecycle';
import { stopTelemetry } from '@lms/kit/telemetry';
import { buildApp } from './app';
import { createAuthClient } from './clients/auth.client';
import { createCatalogClient, createEnrollmentClient, createQuizClient } from '@lms/kit/clients';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { loadGatewayConfig, type GatewayConfig } from './config';

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** Builds the dependencies, listens (port 0 = any free port) and returns how to stop in order. */
export async function start(config: GatewayConfig = loadGatewayConfig(), logger?: Logger): Promise<RunningGateway> {
  const log = logger ?? createLogger('gateway', config.LOG_LEVEL);

  const redis = createRedis(config.REDIS_URL, log);
  // Not fatal: the gateway starts without Redis (readiness stays red, the general limit fails open).
  await waitForRedis(redis, 2000, log);
  const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const enrollment = createEnrollmentClient(config.ENROLLMENT_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const quiz = createQuizClient(config.QUIZ_GRPC_ADDR, config.GRPC_DEADLINE_MS);

  let draining = false;
  const { app } = buildApp({ config, logger: log, auth, catalog, enrollment, quiz, redis, isDraining: () => draining });
  const server = http.createServer((req, res) => {
    if (draining) res.shouldKeepAlive = false;
    app(req, res);
  });
  server.headersTimeout = 15_000; // slow-header clients are cut off
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info(
    {
      host: config.HOST,
      port,
      auth: config.AUTH_GRPC_ADDR,
      catalog: config.CATALOG_GRPC_ADDR,
      enrollment: config.ENROLLMENT_GRPC_ADDR,
      quiz: config.QUIZ_GRPC_ADDR,
    },
    'gateway listening',
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      draining = true;
      // Stop accepting; requests in flight finish. Keep-alive sockets are closed as soon as they are
      // idle (new responses say `Connection: close`); whatever is still busy after the timeout is cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const force = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
      force.unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(force);
      await closeRedis(redis);
      auth.close();
      catalog.close();
      enrollment.close();
      quiz.close();
      await stopTelemetry();
      log.info('gateway stopped');
    })());

  return { port, stop };
}

if (require.main === module) runService('gateway', loadGatewayConfig, start);
