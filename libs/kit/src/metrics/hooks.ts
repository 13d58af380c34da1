/**
 * What the kit's hot paths (gRPC server and clients, the outbox relay, the event consumer) call when metrics are
 * on. Kept free of prom-client: those modules load it only through a process that turned metrics on, and with
 * metrics off they hold `undefined` here and pay one property check per call.
 */

export interface GrpcServerMetrics {
  /**
   * One answered call: `path` as grpc-js gives it (`/lms.catalog.v1.CatalogService/GetCourse`). A call refused before
   * its handler ran (no service token, deadline already passed) has no `seconds`: it is counted, not timed.
   */
  handled(path: string, code: string, seconds?: number): void;
}

export interface GrpcClientMetrics {
  /** One finished unary call to `service` (the proto service, e.g. `lms.catalog.v1.CatalogService`). */
  handled(service: string, method: string, code: string, seconds: number): void;
}

export interface RelayMetrics {
  /** One event the broker confirmed. */
  published(type: string): void;
}

export type ConsumeOutcome = 'handled' | 'duplicate' | 'retried' | 'parked' | 'failed';

export interface ConsumerMetrics {
  /** A message of `queue` is now in this process (handled or waiting for its batch); `sinceMs`: what its lag counts from. */
  received(queue: string, message: object, sinceMs: number): void;
  /** The message is no longer in hand (acked, nacked, re-sent, or dropped with its channel). */
  settled(queue: string, message: object): void;
  /** How its handling ended; `seconds` of handling when it ran (a poison message has none). */
  outcome(queue: string, type: string, outcome: ConsumeOutcome, seconds?: number): void;
}

/**
 * The gRPC client metrics of each running process, by the name its calls are attributed to. Clients are built by
 * every service's own wiring (no metrics object is passed to them), so a call finds its sink at call time: the only
 * one in a production process; in a test process running several services, the one of the service whose handler or
 * consumer makes the call (request context), else the gateway's.
 */
const clientSinks = new Map<string, GrpcClientMetrics>();
let onlySink: GrpcClientMetrics | undefined;

export function registerClientMetrics(name: string, sink: GrpcClientMetrics): () => void {
  clientSinks.set(name, sink);
  onlySink = clientSinks.size === 1 ? sink : undefined;
  return () => {
    if (clientSinks.get(name) === sink) clientSinks.delete(name);
    onlySink = clientSinks.size === 1 ? [...clientSinks.values()][0] : undefined;
  };
}

/** `serviceOf` (the request context's service) is only asked when several processes share this one. */
export function clientMetricsFor(serviceOf: () => string | undefined): GrpcClientMetrics | undefined {
  if (clientSinks.size <= 1) return onlySink;
  return clientSinks.get(serviceOf() ?? 'gateway');
}
