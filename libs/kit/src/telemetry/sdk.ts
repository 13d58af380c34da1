import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { getRPCMetadata, suppressTracing } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler } from '@opentelemetry/sdk-trace-base';
import { installTracing, type Tracing } from './bridge';
import { workspaceOfEntry, type SamplerSettings, type TelemetrySettings } from './config';

/** Paths probed by orchestrators and scrapers: a span per probe would drown the traces of real requests. */
const UNTRACED_PATHS = new Set(['/health', '/healthz', '/readyz', '/metrics', '/internal/health/dependencies']);
const TRACER = '@lms/kit';

/**
 * Starts the SDK synchronously (the instrumentations patch grpc-js, pg, amqplib, ioredis, http and express when
 * those are first required, so this must run before them) and installs the kit's bridge. Called by register.ts.
 */
export function startSdk(settings: TelemetrySettings, entryScript: string | undefined): Tracing {
  const sdk = new NodeSDK({
    // Our defaults; OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME (the env detector, merged over) still win.
    resource: defaultResource().merge(
      resourceFromAttributes({
        'service.name': settings.serviceName,
        'service.version': versionOf(entryScript),
        'service.instance.id': randomUUID(),
      }),
    ),
    sampler: samplerOf(settings.sampler),
    // OTLP/HTTP JSON, endpoint from OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT; batched (OTEL_BSP_* tune the batches).
    traceExporter: new OTLPTraceExporter(),
    // Traces only: metrics are served by the kit's Prometheus endpoint, logs go to stdout (pino).
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]) }),
      // A span per route handler, not per middleware (a dozen per request, no information the HTTP span lacks).
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // grpc.health.v1 (probes, the gateway's dependency monitor): the instrumentation matches the method name alone,
      // and no fleet service has a Check or Watch method.
      keepingSuccessTrailers(new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] })),
      // Background statements (the relay's polls, housekeeping) outside any traced work would each be a trace.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new AmqplibInstrumentation(),
    ],
  });
  sdk.start();
  const bridge = createBridge(settings, () => sdk.shutdown());
  installTracing(bridge);
  return bridge;
}

type UnaryCallback = (err: unknown, value?: unknown, trailer?: unknown, flags?: unknown) => void;
type ServerFunc = (this: unknown, call: object, callback?: UnaryCallback) => unknown;
type Register = (this: { handlers: Map<string, { func: ServerFunc }> }, name: string, handler: ServerFunc, ...rest: unknown[]) => boolean;

/**
 * The grpc instrumentation (0.223) answers a unary or client-stream call through its own callback `(err, value)`,
 * dropping the trailers a successful answer carries — the kit's cache hint (grpc/cache-hint.ts) would never reach the
 * gateway, whose edge cache then stops working whenever tracing is on. (A failure's trailers ride on the error object
 * and survive.) So around its patch of `Server.register`: the trailers the kit's handler answers with are kept per
 * call, and the instrumentation's answer to grpc-js gets them back. `handlers` is the grpc-js map the
 * instrumentation itself wraps.
 */
function keepingSuccessTrailers(instrumentation: GrpcInstrumentation): GrpcInstrumentation {
  const target = instrumentation as unknown as { _patchServer(): (original: Register) => Register };
  const patchServer = target._patchServer.bind(instrumentation);
  target._patchServer = () => {
    const patch = patchServer();
    return (originalRegister) => {
      const instrumented = patch(originalRegister);
      return function register(name, handler, ...rest) {
        const kept = new WeakMap<object, { trailer: unknown; flags: unknown }>();
        const keeping: ServerFunc = function (call, callback) {
          if (!callback) return handler.call(this, call);
          return handler.call(this, call, (err, value, trailer, flags) => {
            if (trailer !== undefined || flags !== undefined) kept.set(call, { trailer, flags });
            callback(err, value, trailer, flags);
          });
        };
        const registered = instrumented.call(this, name, keeping, ...rest);
        const set = this.handlers.get(name);
        const traced = set?.func;
        if (set && traced) {
          set.func = function (call, callback) {
            if (!callback) return traced.call(this, call);
            return traced.call(this, call, (err, value, trailer, flags) => {
              const answer = kept.get(call);
              kept.delete(call);
              callback(err, value, trailer ?? answer?.trailer, flags ?? answer?.flags);
            });
          };
        }
        return registered;
      };
    };
  };
  return instrumentation;
}

function samplerOf(settings: SamplerSettings): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(settings.ratio ?? 1);
  switch (settings.name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** The version in the entry's workspace package.json (services/<name>, gateway), else unknown. */
function versionOf(entryScript: string | undefined): string {
  const workspace = workspaceOfEntry(entryScript);
  if (!workspace) return 'unknown';
  try {
    return (JSON.parse(readFileSync(join(workspace, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function createBridge(settings: TelemetrySettings, shutdown: () => Promise<void>): Tracing {
  const tracer = trace.getTracer(TRACER);
  /** Each delivery's context (its amqplib consumer span), kept as long as the message object lives. */
  const deliveries = new WeakMap<object, Context>();
  /** The incoming HTTP request's server span when there is one (set by the http instrumentation), else the active span. */
  const requestSpan = (): Span | undefined => {
    const active = context.active();
    return getRPCMetadata(active)?.span ?? trace.getSpan(active);
  };
  /** Runs `fn` in `span`'s context and ends the span with its outcome. */
  const within = async <T>(span: Span, parent: Context, fn: () => Promise<T>): Promise<T> => {
    try {
      return await context.with(trace.setSpan(parent, span), fn);
    } catch (err) {
      failSpan(span, err);
      throw err;
    } finally {
      span.end();
    }
  };
  const headerString = (headers: Record<string, unknown> | undefined, key: string) => {
    const value = headers?.[key];
    return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString() : undefined;
  };

  return {
    settings,
    currentIds() {
      const span = requestSpan();
      const ids = span?.spanContext();
      return ids && trace.isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : undefined;
    },
    traceparent() {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      return carrier.traceparent;
    },
    annotate(attributes) {
      requestSpan()?.setAttributes(attributes);
    },
    fail(code, message) {
      const span = requestSpan();
      if (!span) return;
      span.setAttribute('lms.error_code', code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: message ?? code });
    },
    relayPass(messages, fn) {
      const span = tracer.startSpan('outbox relay', { kind: SpanKind.INTERNAL, attributes: { 'messaging.batch.message_count': messages } }, ROOT_CONTEXT);
      return within(span, ROOT_CONTEXT, fn);
    },
    publish(type, messageId, headers, fn) {
      const pass = trace.getSpan(context.active());
      const stored = propagation.extract(ROOT_CONTEXT, headers);
      const hasStored = trace.getSpan(stored) !== undefined;
      // The writer's transaction is the parent; the pass that happened to carry it is a link. An event written
      // outside any traced work (housekeeping) has no stored context: it is the pass's child.
      const parent = hasStored ? stored : context.active();
      const links: Link[] = hasStored && pass ? [{ context: pass.spanContext() }] : [];
      const requestId = headerString(headers, 'x-request-id');
      const span = tracer.startSpan(
        `${type} publish`,
        {
          kind: SpanKind.PRODUCER,
          links,
          attributes: {
            'messaging.system': 'rabbitmq',
            'messaging.operation.type': 'send',
            'messaging.destination.name': 'lms.events',
            'messaging.rabbitmq.destination.routing_key': type,
            'messaging.message.id': messageId,
            'lms.event_type': type,
            ...(requestId ? { 'lms.request_id': requestId } : {}),
          },
        },
        parent,
      );
      // The headers carry this span's context (the amqplib instrumentation then writes its own child's over it).
      propagation.inject(trace.setSpan(parent, span), headers);
      return within(span, parent, fn);
    },
    delivered(msg) {
      deliveries.set(msg, context.active());
    },
    handle(msg, queue, event, fn) {
      const delivery = deliveries.get(msg);
      const fromDelivery = delivery !== undefined && trace.getSpan(delivery) !== undefined;
      const parent = fromDelivery ? delivery : propagation.extract(ROOT_CONTEXT, msg.properties.headers ?? {});
      const retry = Number(msg.properties.headers?.['x-retry-count'] ?? 0);
      const span = tracer.startSpan(
        `${queue} process ${event.type}`,
        {
          // Under the amqplib instrumentation's CONSUMER span this is its handling; without one it is the consumer span.
          kind: fromDelivery ? SpanKind.INTERNAL : SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'rabbitmq',
            'messaging.operation.type': 'process',
            'messaging.destination.name': queue,
            'messaging.message.id': event.id,
            'lms.event_type': event.type,
            ...(retry > 0 ? { 'lms.retry': retry } : {}),
          },
        },
        parent,
      );
      return within(span, parent, fn);
    },
    batch(queue, msgs, fn) {
      const links = msgs
        .map((msg) => deliveries.get(msg))
        .map((ctx) => (ctx ? trace.getSpan(ctx)?.spanContext() : undefined))
        .filter((ids) => ids !== undefined)
        .map((ids) => ({ context: ids }));
      const span = tracer.startSpan(
        `${queue} process batch`,
        { kind: SpanKind.CONSUMER, links, attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': queue, 'messaging.batch.message_count': msgs.length } },
        ROOT_CONTEXT,
      );
      return within(span, ROOT_CONTEXT, fn);
    },
    untraced(fn) {
      return context.with(suppressTracing(context.active()), fn);
    },
    detached(fn) {
      return context.with(ROOT_CONTEXT, fn);
    },
    async shutdown() {
      installTracing(undefined);
      await shutdown();
    },
  };
}

/** A failed span: status ERROR with the kit's error code when the error has one (never the stack). */
function failSpan(span: Span, err: unknown): void {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') span.setAttribute('lms.error_code', code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message.slice(0, 300) : String(err) });
}
