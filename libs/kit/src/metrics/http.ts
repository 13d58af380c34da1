import { Counter, Histogram, Registry } from 'prom-client';
import { Children, grpcClientMetrics } from './common';
import type { GrpcClientMetrics } from './hooks';

export interface HttpMetrics {
  /** One answered request; `route` is the route's template (`/api/v1/courses/:id`), never the raw path. */
  observe(method: string, route: string, status: number, seconds: number): void;
}

/** The gateway process's metrics: one registry, the HTTP metrics its middleware feeds, and its gRPC client calls. */
export interface GatewayMetrics {
  registry: Registry;
  http: HttpMetrics;
  grpcClient: GrpcClientMetrics;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'lms_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'lms_http_request_duration_seconds',
    help: 'Time from a request received to its response finished, by method and route template',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  const limited = new Counter({ name: 'lms_rate_limited_total', help: 'Requests refused with 429 (a rate limit)', registers: [registry] });
  const durations = new Children((method, route) => seconds.labels(method, route));
  const counts = new Map<number, Children<Counter.Internal>>();
  return {
    registry,
    grpcClient: grpcClientMetrics(registry),
    http: {
      observe(method, route, status, elapsed) {
        let byStatus = counts.get(status);
        if (!byStatus) counts.set(status, (byStatus = new Children((m, r) => requests.labels(m, r, String(status)))));
        byStatus.get(method, route).inc();
        durations.get(method, route).observe(elapsed);
        if (status === 429) limited.inc();
      },
    },
  };
}
