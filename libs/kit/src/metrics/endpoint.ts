import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';

/** Where a process serves /metrics, and how to stop it. */
export interface MetricsEndpoint {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** The settings of the metrics endpoint (commonServiceConfig and the gateway's config). */
export interface MetricsSettings {
  METRICS_ENABLED?: boolean;
  METRICS_HOST?: string;
  METRICS_PORT?: number;
}

/** The port offset of the CONTRACT: a service's gRPC port (the gateway's HTTP port) + 1000, e.g. catalog 50052 → 51052. */
export const METRICS_PORT_OFFSET = 1000;

/** METRICS_PORT, else the main port + 1000 — and 0 (ephemeral) for a process whose main port is ephemeral (tests). */
export function metricsPortFor(settings: MetricsSettings, mainPort: number): number {
  if (settings.METRICS_PORT !== undefined) return settings.METRICS_PORT;
  return mainPort === 0 ? 0 : mainPort + METRICS_PORT_OFFSET;
}

/**
 * prom-client's process/nodejs metrics (CPU, RSS, heap, event-loop lag, GC), collected once per process into a
 * registry of their own: every service's endpoint shows them (several services share a process in tests).
 */
let processDefaults: Registry | undefined;
function defaultMetrics(): Registry {
  if (!processDefaults) {
    processDefaults = new Registry();
    collectDefaultMetrics({ register: processDefaults });
  }
  return processDefaults;
}

/**
 * Serves `GET /metrics` (Prometheus text 0.0.4: the process metrics, then the registry's) on host:port (0 = any free
 * port), 404 for anything else. It is never the public port. A port that cannot be bound is logged and the process
 * goes on without the endpoint (undefined): serving traffic matters more, and Prometheus reports the target down.
 */
export async function serveMetrics(registry: Registry, host: string, port: number, logger: Logger): Promise<MetricsEndpoint | undefined> {
  const defaults = defaultMetrics();
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    Promise.all([defaults.metrics(), registry.metrics()]).then(
      ([own, service]) => res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(`${own}\n${service}`),
      (err: Error) => {
        logger.warn({ err: err.message }, 'metrics scrape failed');
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics collection failed\n');
      },
    );
  });
  server.keepAliveTimeout = 65_000; // longer than Prometheus' scrape interval: one connection per scraper
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    logger.error({ err: (err as Error).message, host, port }, 'metrics endpoint not served');
    return undefined;
  }
  const bound = (server.address() as AddressInfo).port;
  logger.info({ host, port: bound }, 'metrics endpoint listening');
  return {
    host,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
