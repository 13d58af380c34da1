import type { TelemetrySettings } from './config';

/**
 * What the kit asks of OpenTelemetry when tracing is on. The implementation (sdk.ts) is installed by the preload
 * (register.ts) after it started the SDK; until then `tracing()` is undefined and every caller keeps its cheap path
 * — no OpenTelemetry module is loaded and the hot path pays one undefined check.
 */
export interface Tracing {
  readonly settings: TelemetrySettings;
  /**
   * The ids the kit's request context takes (log lines, x-request-id flow): the incoming HTTP request's server span
   * in the gateway, else the active span (the gRPC server span, the consumer's handling span). Undefined outside any.
   */
  currentIds(): { traceId: string; spanId: string } | undefined;
  /** The W3C `traceparent` of the active span, as the propagator writes it (sampled flag included). */
  traceparent(): string | undefined;
  /** Sets attributes on the request's span (see `currentIds`). Never personal data: ids only. */
  annotate(attributes: Record<string, string>): void;
  /** Marks the request's span failed: status ERROR, `lms.error_code` = the kit's stable error code (no stack). */
  fail(code: string, message?: string): void;
  /** Runs an outbox relay pass's publishing in a span of its own (the producer spans link to it). */
  relayPass<T>(messages: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Publishes one outbox row: a PRODUCER span `<type> publish` whose parent is the context the writer's transaction
   * stored in `headers.traceparent`, linked to the relay pass; `headers` then carry that span's context.
   */
  publish<T>(type: string, messageId: string, headers: Record<string, unknown>, fn: () => Promise<T>): Promise<T>;
  /** Called in the broker's delivery callback: remembers the delivery's context (the amqplib consumer span). */
  delivered(msg: object): void;
  /**
   * Handles one consumed event in a span `<queue> process <type>`, child of its delivery (or, without one, of the
   * context in its headers): what the handler does (SQL, gRPC) nests under it. The consumer adds `lms.request_id`.
   */
  handle<T>(msg: { properties: { headers?: Record<string, unknown> } }, queue: string, event: { id: string; type: string }, fn: () => Promise<T>): Promise<T>;
  /** A batch of consumed events handled in one transaction: one span linked to each message's handling. */
  batch<T>(queue: string, msgs: object[], fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` with tracing suppressed: a message re-sent as it is (retry, delay) keeps the trace context it carries
   * instead of getting the failed attempt's.
   */
  untraced<T>(fn: () => T): T;
  /** Runs `fn` outside any span: background work (relay passes, mirror loops) must not join the request that started it. */
  detached<T>(fn: () => T): T;
  /** Flushes the spans not exported yet and stops the SDK. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

export function tracing(): Tracing | undefined {
  return active;
}

export function installTracing(value: Tracing | undefined): void {
  active = value;
}
