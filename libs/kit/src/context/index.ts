import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync, randomUUID } from 'node:crypto';
import { tracing } from '../telemetry/bridge';

/**
 * What travels with one request or one consumed event through every await:
 * the request id, the W3C trace context and the caller's credentials.
 * Filled by the gRPC handler wrapper, the gateway's HTTP middleware and the event consumer.
 */
export interface RequestContext {
  requestId: string;
  traceId: string;
  spanId: string;
  /** The raw `Authorization` value ("Bearer …") of the end user, forwarded on outgoing calls. */
  authorization?: string;
  /** The end user's address and user agent, as the gateway saw them (honoured only from an authenticated service). */
  clientIp?: string;
  userAgent?: string;
  /**
   * The incoming call's deadline (epoch ms), when it had one: outgoing calls made inside this request get at
   * most the time that is left (kit createClient), so a hop never works for a caller that has given up.
   */
  deadline?: number;
  /** The service that made the incoming gRPC call, verified from its signed service token (kit GrpcServer). */
  callerService?: string;
  /** The service whose handler runs (set by the kit GrpcServer): outgoing calls made here are signed as it. */
  service?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/**
 * Runs background work outside the request (and span) that happened to start it: a relay pass woken by a request's
 * commit, or a loop started by a request's first use, would otherwise log that request's id for ever after and, with
 * tracing on, grow its trace with every later poll.
 */
export function runDetached<T>(fn: () => T): T {
  const otel = tracing();
  return storage.exit(() => (otel ? otel.detached(fn) : fn()));
}

/**
 * Trace and span ids are cut from a pool of random bytes refilled 4 KiB at a time, as node's randomUUID does for
 * request ids: one CSPRNG call per ~250 ids instead of one per id. Every request makes several (its span, one per
 * outgoing call and outbox row), and each call pays OpenSSL's locking and fork check: 1.5–3.5 % of a process's CPU
 * per request in the profiles of issue 16. The ids are unique, not secret.
 */
const ID_POOL_BYTES = 4096;
const idPool = Buffer.allocUnsafe(ID_POOL_BYTES);
let idPoolUsed = ID_POOL_BYTES;

function randomHex(bytes: number): string {
  if (idPoolUsed + bytes > ID_POOL_BYTES) {
    randomFillSync(idPool);
    idPoolUsed = 0;
  }
  const hex = idPool.toString('hex', idPoolUsed, idPoolUsed + bytes);
  idPoolUsed += bytes;
  return hex;
}

export function newTraceId(): string {
  return randomHex(16);
}
export function newSpanId(): string {
  return randomHex(8);
}
export function newRequestId(): string {
  return randomUUID();
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** Parses a W3C `traceparent`; returns undefined for anything malformed. */
export function parseTraceparent(value: string | undefined): { traceId: string; parentSpanId: string } | undefined {
  if (!value) return undefined;
  const m = TRACEPARENT.exec(value.trim());
  if (!m || /^0+$/.test(m[1]) || /^0+$/.test(m[2])) return undefined;
  return { traceId: m[1], parentSpanId: m[2] };
}

export function formatTraceparent(ctx: Pick<RequestContext, 'traceId' | 'spanId'>): string {
  return `00-${ctx.traceId}-${ctx.spanId}-01`;
}

/**
 * A child context for a new hop (new span id, same trace and request). With tracing on, the ids are the OpenTelemetry
 * span's that handles the hop (the instrumentations created it from the same `traceparent`), so the ids in the logs
 * are the ones the trace backend shows.
 */
export function contextFromIncoming(incoming: {
  requestId?: string;
  traceparent?: string;
  authorization?: string;
  clientIp?: string;
  userAgent?: string;
  deadline?: number;
  callerService?: string;
  service?: string;
}): RequestContext {
  const otel = tracing()?.currentIds();
  const parent = otel ? undefined : parseTraceparent(incoming.traceparent);
  return {
    requestId: sanitizeRequestId(incoming.requestId) ?? newRequestId(),
    traceId: otel?.traceId ?? parent?.traceId ?? newTraceId(),
    spanId: otel?.spanId ?? newSpanId(),
    authorization: incoming.authorization,
    clientIp: incoming.clientIp,
    userAgent: incoming.userAgent,
    ...(incoming.deadline !== undefined ? { deadline: incoming.deadline } : {}),
    ...(incoming.callerService ? { callerService: incoming.callerService } : {}),
    ...(incoming.service ? { service: incoming.service } : {}),
  };
}

/** Accepts a caller-supplied request id only when it is short and printable (it ends up in logs). */
export function sanitizeRequestId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}
