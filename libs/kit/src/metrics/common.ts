import type { Redis } from 'ioredis';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { GrpcClientMetrics } from './hooks';

/**
 * Label children cached by their label values (nested maps: no key string built per observation) — prom-client's
 * `labels()` hashes its arguments on every call.
 */
export class Children<C> {
  private readonly byFirst = new Map<string, Map<string, C>>();

  constructor(private readonly make: (first: string, second: string) => C) {}

  get(first: string, second: string): C {
    let inner = this.byFirst.get(first);
    if (!inner) this.byFirst.set(first, (inner = new Map()));
    let child = inner.get(second);
    if (!child) inner.set(second, (child = this.make(first, second)));
    return child;
  }
}

/** `lms_grpc_client_handled_total{target,method,code}` and its latency histogram, for the unary calls a process makes. */
export function grpcClientMetrics(registry: Registry): GrpcClientMetrics {
  const handled = new Counter({
    name: 'lms_grpc_client_handled_total',
    help: 'Unary gRPC calls made, by called service, method and status code',
    labelNames: ['target', 'method', 'code'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'lms_grpc_client_handling_seconds',
    help: 'Duration of unary gRPC calls made (until the answer), by called service and method',
    labelNames: ['target', 'method'],
    registers: [registry],
  });
  const durations = new Children((target, method) => seconds.labels(target, method));
  const counts = new Map<string, Children<Counter.Internal>>();
  return {
    handled(target, method, code, elapsed) {
      let byCode = counts.get(code);
      if (!byCode) counts.set(code, (byCode = new Children((t, m) => handled.labels(t, m, code))));
      byCode.get(target, method).inc();
      durations.get(target, method).observe(elapsed);
    },
  };
}

/** `lms_redis_errors_total`: errors the Redis connection reported (connection lost, refused, timed out). */
export function countRedisErrors(registry: Registry, redis: Redis): void {
  const errors = new Counter({ name: 'lms_redis_errors_total', help: 'Errors reported by the Redis connection', registers: [registry] });
  redis.on('error', () => errors.inc());
}
