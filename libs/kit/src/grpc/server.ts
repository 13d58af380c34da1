import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { runWithContext, contextFromIncoming, type RequestContext } from '../context';
import { AppError, toAppError } from '../errors';
import type { GrpcServerMetrics } from '../metrics/hooks';
import { tracing } from '../telemetry/bridge';
import { CACHE_HINT_TRAILER, openHintSlot, takeHintTrailer } from './cache-hint';
import { STREAM_WINDOW_BYTES } from './client';
import { MD, firstString, toGrpcError } from './metadata';
import { ServiceTokenVerifier, defaultProcessService, internalSecret, isServiceName } from './service-token';

/** What a handler receives besides its request: the call's metadata and the request context. */
export interface CallInfo {
  metadata: grpc.Metadata;
  context: RequestContext;
  /** The end user's bearer token, when the caller sent one. */
  authorization?: string;
  /** The calling service, verified from its service token (e.g. "enrollment"); handlers may restrict on it. */
  callerService: string;
  /**
   * Aborted when the caller cancels the call or its deadline passes before the handler has answered: pass it
   * to long work (storage I/O, outgoing streams) so a call nobody waits for stops. `signal.reason` is an AppError
   * (code CANCELLED or DEADLINE_EXCEEDED). A client-streaming handler should check it once more right before
   * committing what the stream brought: a cancelled stream can look complete for a moment (incomingMessages).
   */
  signal: AbortSignal;
}

/**
 * A unary answer already encoded by its method's `responseSerialize` (of the loaded definition), e.g. as a cache keeps it:
 * the kit server sends its bytes as they are — no mapping, no encoding per call. `T` is the message it encodes.
 */
export class EncodedReply<T> {
  /** Never set: ties the bytes to the message type, so a handler cannot answer another method's bytes. */
  declare readonly message?: T;
  constructor(readonly bytes: Buffer) {}
}

/** A unary method: request in, response out (a message, or its bytes already encoded). */
export type UnaryHandler<Req, Res> = (request: Req, call: CallInfo) => Promise<Res | EncodedReply<Res>>;
/**
 * A client-streaming method: iterating `requests` pulls the caller's messages with back-pressure (the caller is
 * held back while the handler is busy). Returning or throwing before the end answers the caller at once.
 */
export type ClientStreamHandler<Req, Res> = (requests: AsyncIterable<Req>, call: CallInfo) => Promise<Res>;
/**
 * A server-streaming method: the kit writes each yielded message (waiting while the caller reads slowly), ends
 * the call when the iterable ends, answers the mapped status when it throws (even after some messages), and
 * calls the iterator's `return()` when the caller goes away.
 */
export type ServerStreamHandler<Req, Res> = (request: Req, call: CallInfo) => AsyncIterable<Res>;

/** The named methods of a generated `…Definition` (its index signature dropped). */
export type MethodName<D> = keyof { [K in keyof D as string extends K ? never : K]: 0 };

/**
 * Handlers for a generated `…Definition`. The generated types do not say which methods stream, so the caller
 * names them: `ServiceHandlers<MediaServiceDefinition, 'Upload', 'Download'>`; every other method is unary.
 * (The kit itself reads the kinds from the loaded definition and refuses handlers of the wrong shape at start.)
 */
export type ServiceHandlers<D, ClientStreams extends MethodName<D> = never, ServerStreams extends MethodName<D> = never> = {
  // `any` for the unused sides: MethodDefinition's (de)serializers are contravariant, so `unknown` never matches.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in MethodName<D>]: D[K] extends MethodDefinition<any, infer ResIn, infer ReqOut, any>
    ? K extends ClientStreams
      ? ClientStreamHandler<ReqOut, ResIn>
      : K extends ServerStreams
        ? ServerStreamHandler<ReqOut, ResIn>
        : UnaryHandler<ReqOut, ResIn>
    : never;
};

/** Handlers for a service whose methods are all unary: plain async functions, request in, response out. */
export type UnaryHandlers<D> = ServiceHandlers<D>;

/** What `addService` accepts: any kind per method (the definition decides which one is called how). */
export type GrpcHandlers<D> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in MethodName<D>]: D[K] extends MethodDefinition<any, infer ResIn, infer ReqOut, any>
    ? UnaryHandler<ReqOut, ResIn> | ClientStreamHandler<ReqOut, ResIn> | ServerStreamHandler<ReqOut, ResIn>
    : never;
};

export interface GrpcServerOptions {
  logger: Logger;
  /** Calls slower than this are logged at info, faster ones at debug. */
  slowCallMs?: number;
  /** Verifies callers' service tokens; default INTERNAL_SERVICE_SECRET (kit config). */
  internalSecret?: string;
  /** The service this server is (context.service); default the proto package's second part (lms.<name>.v1). */
  serviceName?: string;
  /** Counts and times every answered call (kit metrics, when the process serves them). */
  metrics?: GrpcServerMetrics;
}

/**
 * A gRPC server with grpc.health.v1 built in, handlers wrapped once for request context,
 * logging and the AppError → status mapping. Starts NOT_SERVING; the service flips it when ready.
 *
 * Every call but grpc.health.v1 (probes) must carry a valid service token (service-token.ts): without one it is
 * refused with UNAUTHENTICATED before any handler runs, so the caller metadata a handler sees (client ip, user
 * agent, request id) always comes from one of the fleet's processes. The calling service is in
 * `context.callerService`. The incoming deadline is in `context.deadline` (outgoing calls get at most what is
 * left), and a call whose deadline has already passed is refused with DEADLINE_EXCEEDED.
 */
export class GrpcServer {
  readonly server: grpc.Server;
  readonly health: HealthImplementation;
  private readonly logger: Logger;
  private readonly slowCallMs: number;
  private readonly verifier: ServiceTokenVerifier;
  private readonly serviceName?: string;
  private readonly metrics?: GrpcServerMetrics;

  constructor(options: GrpcServerOptions) {
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.slowCallMs = options.slowCallMs ?? 500;
    this.verifier = new ServiceTokenVerifier(options.internalSecret ?? internalSecret());
    this.serviceName = options.serviceName;
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': 4 * 1024 * 1024,
      'grpc.keepalive_permit_without_calls': 1,
    });
    // The window clients may send into (uploads): grpc-js has no server option for it, only its http2 options
    // object (private in 1.14). Should an upgrade rename it, this does nothing and node's 64 KiB default applies.
    const http2Options = (this.server as unknown as { commonServerOptions?: { settings?: { initialWindowSize?: number } } }).commonServerOptions;
    if (http2Options) http2Options.settings = { ...http2Options.settings, initialWindowSize: STREAM_WINDOW_BYTES };
    this.health = new HealthImplementation({ '': 'NOT_SERVING' });
    this.health.addToServer(this.server);
  }

  /**
   * Registers a service's handlers. Unary, client-streaming and server-streaming methods are supported (the kind
   * comes from the definition); bidirectional streaming is refused here, at start-up.
   */
  addService<D extends grpc.ServiceDefinition>(definition: D, handlers: GrpcHandlers<D>): void {
    const wrapped: grpc.UntypedServiceImplementation = {};
    // What grpc-js serves: the definition, each unary method's serializer letting an EncodedReply through.
    const sent: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
    const service = this.serviceName ?? serviceOfPath(Object.values(definition)[0]?.path ?? '');
    if (service) defaultProcessService(service);
    for (const [name, method] of Object.entries(definition)) {
      const handler = (handlers as Record<string, unknown>)[name];
      if (typeof handler !== 'function') throw new Error(`gRPC handler missing for ${method.path}`);
      if (method.requestStream && method.responseStream) {
        throw new Error(`${method.path}: bidirectional streaming is not supported by GrpcServer.addService`);
      }
      wrapped[name] = method.requestStream
        ? this.wrapClientStream(method.path, service, handler as ClientStreamHandler<unknown, unknown>)
        : method.responseStream
          ? this.wrapServerStream(method.path, service, handler as ServerStreamHandler<unknown, unknown>)
          : this.wrapUnary(method.path, service, handler as UnaryHandler<unknown, unknown>);
      sent[name] = method.requestStream || method.responseStream ? method : { ...method, responseSerialize: passEncoded(method.responseSerialize) };
    }
    this.server.addService(sent as grpc.ServiceDefinition, wrapped);
  }

  setServing(serving: boolean): void {
    this.health.setStatus('', serving ? 'SERVING' : 'NOT_SERVING');
  }

  /** Binds host:port (port 0 = any free port) and returns the bound port. */
  start(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      );
    });
  }

  /** Stops accepting calls, lets running ones finish up to timeoutMs, then forces. */
  stop(timeoutMs = 5000): Promise<void> {
    this.setServing(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, timeoutMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * What every kind does before its handler: the service token and the deadline are checked (a refusal is
   * returned as the status to answer), then the request context and the call's abort signal are built.
   */
  private admit(path: string, service: string | undefined, call: IncomingCall): Admitted | { refusal: Partial<grpc.StatusObject> } {
    const md = call.metadata;
    const callerService = this.verifier.verify(firstString(md, MD.serviceToken));
    if (!callerService) {
      // Nothing the caller sent is trusted, not even its request id: log the socket peer.
      this.logger.warn({ rpc: path, peer: call.getPeer(), has_token: md.get(MD.serviceToken).length > 0 }, 'rpc refused: no valid service token');
      this.metrics?.handled(path, 'UNAUTHENTICATED');
      return { refusal: { code: grpc.status.UNAUTHENTICATED, details: 'A valid service token is required', metadata: errorCodeMetadata('SERVICE_AUTH.TOKEN_INVALID') } };
    }
    const deadline = deadlineMs(call.getDeadline());
    if (deadline !== undefined && deadline <= Date.now()) {
      this.logger.info({ rpc: path, caller: callerService }, 'rpc refused: deadline already passed');
      this.metrics?.handled(path, 'DEADLINE_EXCEEDED');
      return { refusal: { code: grpc.status.DEADLINE_EXCEEDED, details: 'Deadline exceeded before the call was handled', metadata: errorCodeMetadata('DEADLINE_EXCEEDED') } };
    }
    const context = contextFromIncoming({
      requestId: firstString(md, MD.requestId),
      traceparent: firstString(md, MD.traceparent),
      authorization: firstString(md, MD.authorization),
      clientIp: firstString(md, MD.clientIp),
      userAgent: firstString(md, MD.userAgent),
      deadline,
      callerService,
      service,
    });
    const aborter = new AbortController();
    let answered = false;
    // grpc-js emits 'cancelled' for a caller that went away, a passed deadline, and also after any status is
    // sent: only the first two abort the handler's work.
    (call as EventEmitter).once('cancelled', () => {
      if (answered) return;
      aborter.abort(
        deadline !== undefined && Date.now() >= deadline - DEADLINE_CANCEL_SLACK_MS
          ? new AppError('unavailable', 'The call\'s deadline passed', { code: 'DEADLINE_EXCEEDED' })
          : new AppError('unavailable', 'The caller cancelled the call', { code: 'CANCELLED' }),
      );
    });
    return {
      context,
      info: { metadata: md, context, authorization: context.authorization, callerService, signal: aborter.signal },
      started: performance.now(),
      markAnswered: () => {
        answered = true;
      },
    };
  }

  /** Logs the outcome like every call; returns the status to answer for a failure. */
  private outcome(path: string, admitted: Admitted, thrown?: unknown, extra?: Record<string, unknown>): Partial<grpc.StatusObject> | undefined {
    const ms = Math.round(performance.now() - admitted.started);
    const caller = admitted.info.callerService;
    if (thrown === undefined) {
      this.logger[ms >= this.slowCallMs ? 'info' : 'debug']({ rpc: path, ms, status: 'OK', caller, ...extra }, 'rpc');
      this.metrics?.handled(path, 'OK', (performance.now() - admitted.started) / 1000);
      return undefined;
    }
    const err = toAppError(thrown);
    const status = toGrpcError(err);
    this.metrics?.handled(path, admitted.info.signal.aborted ? 'CANCELLED' : (grpc.status[status.code ?? grpc.status.UNKNOWN] ?? 'UNKNOWN'), (performance.now() - admitted.started) / 1000);
    // The grpc instrumentation's server span is the active one here: it gets the kit's code (its status is ERROR).
    tracing()?.fail(err.code, err.kind);
    if (admitted.info.signal.aborted) {
      // Nobody waits for this answer: the caller cancelled or ran out of time while the handler worked.
      this.logger.info({ rpc: path, ms, code: (admitted.info.signal.reason as AppError).code, caller, ...extra }, 'rpc abandoned by the caller');
    } else if (err.kind === 'internal' || err.kind === 'unavailable') {
      this.logger.error({ rpc: path, ms, code: err.code, caller, err: err.cause ?? err, ...extra }, 'rpc failed');
    } else {
      this.logger.info({ rpc: path, ms, code: err.code, caller, ...extra }, 'rpc refused');
    }
    return status;
  }

  private wrapUnary(path: string, service: string | undefined, handler: UnaryHandler<unknown, unknown>) {
    return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const admitted = this.admit(path, service, call);
      if ('refusal' in admitted) return callback(admitted.refusal);
      openHintSlot(admitted.context);
      runWithContext(admitted.context, () => this.reply(path, admitted, handler(call.request, admitted.info), callback));
    };
  }

  /**
   * A unary or client-stream call's one answer: the response (with the cache hint its handler set, as a
   * trailer), or the failure mapped to its status (logged once; a failure is never hinted).
   */
  private reply(path: string, admitted: Admitted, pending: Promise<unknown>, callback: grpc.sendUnaryData<unknown>): void {
    pending.then(
      (response) => {
        admitted.markAnswered();
        this.outcome(path, admitted);
        const hint = takeHintTrailer(admitted.context);
        if (hint === undefined) return callback(null, response);
        const trailer = new grpc.Metadata();
        trailer.set(CACHE_HINT_TRAILER, hint);
        callback(null, response, trailer);
      },
      (thrown: unknown) => {
        admitted.markAnswered();
        takeHintTrailer(admitted.context);
        callback(this.outcome(path, admitted, thrown) ?? null);
      },
    );
  }

  /**
   * The handler pulls the caller's messages (back-pressure: grpc-js reads the next message off the HTTP/2
   * stream only when the Readable wants one). Its answer goes out as soon as it settles — if that is before the
   * caller finished sending (a refusal on the first chunk), the caller gets it at once and stops.
   */
  private wrapClientStream(path: string, service: string | undefined, handler: ClientStreamHandler<unknown, unknown>) {
    return (call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const admitted = this.admit(path, service, call);
      if ('refusal' in admitted) {
        call.destroy();
        return callback(admitted.refusal);
      }
      runWithContext(admitted.context, () => this.reply(path, admitted, handler(incomingMessages(call, admitted.info.signal), admitted.info), callback));
    };
  }

  /**
   * Writes what the handler yields, waiting for 'drain' whenever grpc-js's buffer is full (a slow reader holds
   * the handler back instead of filling memory). A failure after some messages still reaches the caller as
   * the mapped status: `emit('error', status)` is grpc-js's way for a server stream (it ends the call with that
   * status once the written messages are flushed; `destroy(err)` would drop the status).
   */
  private wrapServerStream(path: string, service: string | undefined, handler: ServerStreamHandler<unknown, unknown>) {
    return (call: grpc.ServerWritableStream<unknown, unknown>) => {
      const admitted = this.admit(path, service, call);
      if ('refusal' in admitted) {
        call.emit('error', admitted.refusal);
        return;
      }
      runWithContext(admitted.context, () => {
        void writeAll(call, () => handler(call.request, admitted.info), admitted.info.signal).then(({ messages, failed, thrown }) => {
          admitted.markAnswered();
          if (admitted.info.signal.aborted) {
            this.outcome(path, admitted, failed ? thrown : admitted.info.signal.reason, { messages });
          } else if (failed) {
            call.emit('error', this.outcome(path, admitted, thrown, { messages }));
          } else {
            this.outcome(path, admitted, undefined, { messages });
            call.end();
          }
        });
      });
    };
  }
}

type IncomingCall = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>;

interface Admitted {
  context: RequestContext;
  info: CallInfo;
  started: number;
  /** After this, a 'cancelled' event is the end of an answered call, not an abandonment. */
  markAnswered(): void;
}

/**
 * The caller's messages, one at a time as the handler asks. When the call is cancelled (caller gone, deadline)
 * the iteration throws the signal's AppError instead of Node's "Premature close".
 *
 * A cancelled call can also look finished: Node's `Http2Stream.close(CANCEL)` (what grpc-js's `cancel()` does)
 * sends END_STREAM first and RST_STREAM after it, so grpc-js reports a normal half-close and only then the
 * cancellation (measured: 10–200 ms later on a busy machine). No wait here can be long enough to tell them
 * apart, so a protocol whose stream must arrive whole says so in its messages (media's UploadEnd: a stream
 * without it is refused); a cancellation already seen at the end is thrown here.
 */
async function* incomingMessages(call: grpc.ServerReadableStream<unknown, unknown>, signal: AbortSignal): AsyncGenerator<unknown> {
  try {
    for await (const message of call) yield message;
  } catch (err) {
    throw signal.aborted ? signal.reason : err;
  }
  if (signal.aborted) throw signal.reason;
  if (resetByCaller(call)) throw new AppError('unavailable', 'The caller cancelled the call', { code: 'CANCELLED' });
}

/** Whether the call's HTTP/2 stream was reset with an error code (grpc-js internals, read defensively). */
function resetByCaller(call: grpc.ServerReadableStream<unknown, unknown>): boolean {
  const rstCode = (call as unknown as { call?: { stream?: { rstCode?: unknown } } }).call?.stream?.rstCode;
  return typeof rstCode === 'number' && rstCode !== 0;
}

/**
 * Pumps a handler's iterable into a server stream and says how it went: the messages written, and whether
 * (and what) the handler threw. When the caller goes away the iterator's `return()` runs before this settles.
 */
async function writeAll(
  call: grpc.ServerWritableStream<unknown, unknown>,
  start: () => AsyncIterable<unknown>,
  signal: AbortSignal,
): Promise<{ messages: number; failed: boolean; thrown?: unknown }> {
  let messages = 0;
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  let iterator: AsyncIterator<unknown>;
  try {
    iterator = start()[Symbol.asyncIterator]();
    for (;;) {
      if (signal.aborted) break;
      const next = await iterator.next();
      if (next.done) return { messages, failed: false };
      if (signal.aborted) break;
      messages++;
      if (!call.write(next.value)) {
        const drained = new Promise<'drained'>((resolve) => call.once('drain', () => resolve('drained')));
        if ((await Promise.race([drained, aborted])) === 'aborted') break;
      }
    }
  } catch (thrown) {
    return { messages, failed: true, thrown };
  }
  // The caller went away: let the handler release what it holds (storage streams, files).
  try {
    await iterator.return?.();
  } catch {
    // Its clean-up failing changes nothing for a caller that is gone.
  }
  return { messages, failed: false };
}

/**
 * The caller's own deadline timer usually fires first and cancels the call a little before ours would (the
 * deadline travels as a relative timeout, so ours starts later): a cancel this close to the deadline is one.
 */
const DEADLINE_CANCEL_SLACK_MS = 250;

/** `/lms.catalog.v1.CatalogService/GetCourse` → `catalog`. */
function serviceOfPath(path: string): string | undefined {
  const name = path.split('/')[1]?.split('.')[1];
  return name && isServiceName(name) ? name : undefined;
}

/** A unary method's response serializer that sends an EncodedReply's bytes unchanged. */
function passEncoded(serialize: grpc.serialize<unknown>): grpc.serialize<unknown> {
  return (value) => (value instanceof EncodedReply ? value.bytes : serialize(value));
}

/** grpc-js gives a Date, a number (epoch ms) or Infinity (no deadline). */
function deadlineMs(deadline: grpc.Deadline): number | undefined {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

function errorCodeMetadata(code: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set(MD.errorCode, code);
  return md;
}
