// First: with an OTLP endpoint set it starts tracing before grpc-js, pg, amqplib, ioredis and express load (no-op otherwise).
import '@lms/kit/telemetry/register';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DependencyMonitor, createLogger, type Check, type Logger } from '@lms/kit';
import { createClient, loadService } from '@lms/kit/grpc';
import { runService } from '@lms/kit/lifecycle';
import { stopTelemetry } from '@lms/kit/telemetry';
import { buildApp } from './app';
import { createAuthClient } from './clients/auth.client';
import {
  createAnalyticsClient,
  createCatalogClient,
  createCertificateClient,
  createEnrollmentClient,
  createMediaClient,
  createQuizClient,
} from '@lms/kit/clients';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { answerClientError } from './errors/http-errors';

export interface RunningGateway {
  port: number;
  /** Where /metrics is served (METRICS_PORT=0: the port picked); undefined when metrics are off or the port was taken. */
  metricsPort?: number;
  /** The internal listener's port when INTERNAL_PORT is set. */
  internalPort?: number;
  stop(): Promise<void>;
}

/** Builds the dependencies, listens (port 0 = any free port) and returns how to stop in order. */
export async function start(config: GatewayConfig = loadGatewayConfig(), logger?: Logger): Promise<RunningGateway> {
  const log = logger ?? createLogger('gateway', config.LOG_LEVEL);

  const redis = createRedis(config.REDIS_URL, log);
  // Not fatal: the gateway serves without Redis (the general limit fails open; routes that need Redis —
  // authenticated ones, the strict limits — answer 503 themselves), so readiness does not ask for it.
  await waitForRedis(redis, 2000, log);
  const auth = createAuthClient(config.AUTH_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const catalog = createCatalogClient(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const enrollment = createEnrollmentClient(config.ENROLLMENT_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const quiz = createQuizClient(config.QUIZ_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const analytics = createAnalyticsClient(config.ANALYTICS_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const media = createMediaClient(config.MEDIA_GRPC_ADDR, config.GRPC_DEADLINE_MS, config.MEDIA_STREAM_DEADLINE_MS);
  const certificate = createCertificateClient(config.CERTIFICATE_GRPC_ADDR, config.GRPC_DEADLINE_MS);

  // Metrics (on unless METRICS_ENABLED=false): prom-client is loaded only then.
  const metricsKit = config.METRICS_ENABLED ? (require('@lms/kit/metrics') as typeof import('@lms/kit/metrics')) : undefined;
  const metrics = metricsKit?.createGatewayMetrics();
  if (metrics) metricsKit?.countRedisErrors(metrics.registry, redis);
  const unregisterMetrics = metrics && metricsKit?.registerClientMetrics('gateway', metrics.grpcClient);

  // Dependency health is watched in the background and logged, never part of readiness (review B1/A9):
  // one long-lived health channel per backend, one round per interval whatever the request rate.
  const probes = {
    auth: grpcHealthProbe(config.AUTH_GRPC_ADDR),
    catalog: grpcHealthProbe(config.CATALOG_GRPC_ADDR),
    enrollment: grpcHealthProbe(config.ENROLLMENT_GRPC_ADDR),
    quiz: grpcHealthProbe(config.QUIZ_GRPC_ADDR),
    analytics: grpcHealthProbe(config.ANALYTICS_GRPC_ADDR),
    media: grpcHealthProbe(config.MEDIA_GRPC_ADDR),
    certificate: grpcHealthProbe(config.CERTIFICATE_GRPC_ADDR),
  };
  const monitor = new DependencyMonitor(
    {
      redis: async () => {
        await redis.ping();
      },
      ...Object.fromEntries(Object.entries(probes).map(([name, probe]) => [name, probe.check])),
    },
    log,
    { intervalMs: config.DEPENDENCY_CHECK_INTERVAL_MS, timeoutMs: 1000 },
  );
  monitor.start();

  let draining = false;
  const { app } = buildApp({ config, logger: log, auth, catalog, enrollment, quiz, analytics, media, certificate, redis, isDraining: () => draining, metrics: metrics?.http });
  const server = http.createServer((req, res) => {
    if (draining) res.shouldKeepAlive = false;
    app(req, res);
  });
  server.on('clientError', answerClientError); // unparseable requests (e.g. a URL over 16 KB) get the error body too
  server.headersTimeout = 15_000; // slow-header clients are cut off
  // Uploads stream their bodies (up to 100 MB), so the whole-request limit is configurable (10 min default).
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const internal = config.INTERNAL_PORT === undefined ? undefined : await listenInternal(config.INTERNAL_PORT, config.INTERNAL_HOST, monitor);
  const metricsEndpoint = metrics && (await metricsKit?.serveMetrics(metrics.registry, config.METRICS_HOST, metricsKit.metricsPortFor(config, config.PORT), log));
  log.info(
    {
      host: config.HOST,
      port,
      ...(internal ? { internal_port: internal.port } : {}),
      auth: config.AUTH_GRPC_ADDR,
      catalog: config.CATALOG_GRPC_ADDR,
      enrollment: config.ENROLLMENT_GRPC_ADDR,
      quiz: config.QUIZ_GRPC_ADDR,
      analytics: config.ANALYTICS_GRPC_ADDR,
      media: config.MEDIA_GRPC_ADDR,
      certificate: config.CERTIFICATE_GRPC_ADDR,
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
      monitor.stop();
      if (internal) await internal.close();
      await metricsEndpoint?.close();
      unregisterMetrics?.();
      for (const probe of Object.values(probes)) probe.close();
      await closeRedis(redis);
      auth.close();
      catalog.close();
      enrollment.close();
      quiz.close();
      analytics.close();
      media.close();
      certificate.close();
      await stopTelemetry();
      log.info('gateway stopped');
    })());

  return { port, internalPort: internal?.port, metricsPort: metricsEndpoint?.port, stop };
}

/**
 * A grpc.health.v1 check over one channel made once and reused by every round (A9: no new
 * TCP + HTTP/2 handshake per probe). Anything but SERVING fails the check.
 */
function grpcHealthProbe(address: string): { check: Check; close(): void } {
  const client = createClient(loadService('grpc/health/v1/health.proto', 'grpc.health.v1.Health'), address, {
    deadlineMs: 1000,
  }) as unknown as { Check(request: { service: string }): Promise<{ status: string }>; close(): void };
  return {
    check: async () => {
      let status: string;
      try {
        status = (await client.Check({ service: '' })).status;
      } catch (err) {
        // The operator wants the transport's reason (refused, deadline), not the public message.
        throw new Error(((err as Error).cause as Error | undefined)?.message ?? (err as Error).message);
      }
      if (status !== 'SERVING') throw new Error(`health is ${status}`);
    },
    close: () => client.close(),
  };
}

/**
 * The internal listener: `GET /internal/health/dependencies` answers the monitor's last snapshot
 * (200 when every dependency was up, else 503), with the failures' messages — for operators only.
 */
async function listenInternal(port: number, host: string, monitor: DependencyMonitor): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/internal/health/dependencies') {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"detail":"Not found","code":"NOT_FOUND"}');
      return;
    }
    const snapshot = monitor.snapshot();
    const deps = Object.values(snapshot.dependencies);
    const ok = deps.length > 0 && deps.every((d) => d.ok);
    res
      .writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify({ status: ok ? 'ok' : 'degraded', checked_at: snapshot.checkedAt ?? null, dependencies: snapshot.dependencies }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (require.main === module) runService('gateway', loadGatewayConfig, start);
