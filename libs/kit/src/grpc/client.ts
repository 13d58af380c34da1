import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { currentContext } from '../context';
import { clientMetricsFor } from '../metrics/hooks';
import { CACHE_HINT_TRAILER, parseHintTrailer, type CacheHint } from './cache-hint';
import { MD, firstString, fromGrpcError, outgoingMetadata } from './metadata';
import { internalSecret, processServiceName, signerFor } from './service-token';

/**
 * Taken off the caller's remaining budget for each outgoing call: the caller still needs time to handle the
 * answer (or the failure) and reply before its own deadline.
 */
export const DEADLINE_MARGIN_MS = 20;

export interface CallOptions {
  /** Overrides the client's default deadline for this call (streams: `streamDeadlineMs`). */
  deadlineMs?: number;
  /** Overrides the forwarded end-user token (e.g. a call made on behalf of a token the gateway just got). */
  authorization?: string;
  /**
   * Unary calls: called with the answer's cache hint (server `hintCacheable`), before the promise resolves, when
   * the server set a valid one; not called when it set none, when the trailer is malformed, or on a failure.
   */
  onCacheHint?: (hint: CacheHint) => void;
}

/**
 * A client-streaming call: the kit pumps `messages` into the call as fast as the server takes them. If the
 * iterable throws, the call is cancelled and the promise rejects with that error; if the server answers first
 * (a refusal, or an early success) the pumping stops (the iterator's `return()` is called) and the promise
 * settles with the server's answer.
 */
export type ClientStreamCall<Req, Res> = (messages: AsyncIterable<Req> | Iterable<Req>, options?: CallOptions) => Promise<Res>;
/**
 * A server-streaming call: an async generator of the server's messages, read as the loop asks (a slow reader
 * slows the server). Failures are thrown from the iteration as AppError; leaving the loop cancels the call.
 */
export type ServerStreamCall<Req, Res> = (request: Req, options?: CallOptions) => AsyncGenerator<Res, void, undefined>;
export type UnaryCall<Req, Res> = (request: Req, options?: CallOptions) => Promise<Res>;

/**
 * A client for a generated `…Definition`; the streaming methods are named (the generated types do not say):
 * `ServiceClient<MediaServiceDefinition, 'Upload', 'Download'>`. Errors come as AppError.
 */
export type ServiceClient<D, ClientStreams extends keyof D = never, ServerStreams extends keyof D = never> = {
  // `any` for the serialized sides: MethodDefinition's (de)serializers are contravariant, so `unknown` never matches.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in keyof D]: D[K] extends MethodDefinition<infer ReqIn, any, any, infer ResOut>
    ? K extends ClientStreams
      ? ClientStreamCall<ReqIn, ResOut>
      : K extends ServerStreams
        ? ServerStreamCall<ReqIn, ResOut>
        : UnaryCall<ReqIn, ResOut>
    : never;
} & { close(): void; waitForReady(deadlineMs: number): Promise<void> };

/** A promise-returning client for a generated `…Definition` of unary methods: request in, response out, errors as AppError. */
export type PromiseClient<D> = ServiceClient<D>;

/**
 * The HTTP/2 flow-control window (per stream and per connection) a peer may fill before it waits for a
 * WINDOW_UPDATE, for the kit's clients and servers alike. Node's default, 64 KiB, is less than one 64 KiB chunk
 * message with its 5-byte frame: every chunk of a file transfer then waited for the receiver's event loop to
 * acknowledge the one before (on 2 busy CPUs, most of a 100 MB transfer's time; bench/README.md, media). 1 MiB
 * keeps ~16 chunks in flight and is also the most a call buffers on the receiving side.
 */
export const STREAM_WINDOW_BYTES = 1024 * 1024;

/** Default deadline of a streaming call (an upload or download of a large file over a slow link). */
export const DEFAULT_STREAM_DEADLINE_MS = 30 * 60_000;

export interface ClientOptions {
  /** Default deadline of every unary call; no call is ever made without one. */
  deadlineMs: number;
  /** Default deadline of every streaming call (default DEFAULT_STREAM_DEADLINE_MS). */
  streamDeadlineMs?: number;
  /** Methods safe to retry on UNAVAILABLE (idempotent reads). */
  retryableMethods?: string[];
  /**
   * The service name this client's calls are signed as. Default: the service whose handler is running
   * (request context), else the process's service (see service-token.ts).
   */
  caller?: string;
  /** Signs the service tokens; default INTERNAL_SERVICE_SECRET (kit config). */
  internalSecret?: string;
}

/**
 * Builds a client whose every call carries a deadline and the current request's metadata (end-user token,
 * request id, trace context) and this process's signed service token. Errors come back as AppError with the
 * callee's code. Streaming methods (known from the definition) are wrapped as ClientStreamCall /
 * ServerStreamCall; they are never retried.
 *
 * Deadline: the default (or the call's `deadlineMs`), but never later than the incoming call's deadline minus
 * DEADLINE_MARGIN_MS when the call is made inside a gRPC handler; when nothing is left, the call is not made
 * and fails at once with DEADLINE_EXCEEDED.
 */
export function createClient<D extends grpc.ServiceDefinition, ClientStreams extends keyof D = never, ServerStreams extends keyof D = never>(
  ctor: grpc.ServiceClientConstructor,
  address: string,
  options: ClientOptions,
): ServiceClient<D, ClientStreams, ServerStreams> {
  const serviceName = Object.values(ctor.service)[0]?.path.split('/')[1] ?? '';
  // Resolved now, so a process without a usable secret (production) fails at start-up, not on its first call.
  const signer = signerFor(options.internalSecret ?? internalSecret());
  const serviceConfig = options.retryableMethods?.length
    ? {
        methodConfig: [
          {
            name: options.retryableMethods.map((method) => ({ service: serviceName, method })),
            retryPolicy: {
              maxAttempts: 3,
              initialBackoff: '0.05s',
              maxBackoff: '0.5s',
              backoffMultiplier: 2,
              retryableStatusCodes: ['UNAVAILABLE'],
            },
          },
        ],
      }
    : undefined;
  const client = new ctor(address, grpc.credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc-node.flow_control_window': STREAM_WINDOW_BYTES,
    ...(serviceConfig ? { 'grpc.service_config': JSON.stringify(serviceConfig) } : {}),
  });
  const wrapper: Record<string, unknown> = {
    close: () => client.close(),
    waitForReady: (deadlineMs: number) =>
      new Promise<void>((resolve, reject) =>
        client.waitForReady(Date.now() + deadlineMs, (err) => (err ? reject(err) : resolve())),
      ),
  };
  /** The deadline and metadata of a call made now (in the current request's context); a deadline already gone throws. */
  const prepare = (name: string, defaultDeadlineMs: number, callOptions: CallOptions) => {
    const ctx = currentContext();
    const now = Date.now();
    let deadline = now + (callOptions.deadlineMs ?? defaultDeadlineMs);
    if (ctx?.deadline !== undefined) deadline = Math.min(deadline, ctx.deadline - DEADLINE_MARGIN_MS);
    if (deadline <= now) throw fromGrpcError(deadlineExceeded(`${serviceName}/${name}`));
    const metadata = outgoingMetadata({ authorization: callOptions.authorization });
    metadata.set(MD.serviceToken, signer.tokenFor(options.caller ?? ctx?.service ?? processServiceName()));
    return { metadata, deadline };
  };
  const streamDeadlineMs = options.streamDeadlineMs ?? DEFAULT_STREAM_DEADLINE_MS;
  for (const [name, definition] of Object.entries(ctor.service)) {
    const method = (client as unknown as Record<string, Function>)[name].bind(client);
    if (definition.requestStream && definition.responseStream) {
      wrapper[name] = () => {
        throw new Error(`${serviceName}/${name}: bidirectional streaming is not supported by the kit client`);
      };
    } else if (definition.requestStream) {
      wrapper[name] = (messages: AsyncIterable<unknown> | Iterable<unknown>, callOptions: CallOptions = {}) => {
        let prepared: ReturnType<typeof prepare>;
        try {
          prepared = prepare(name, streamDeadlineMs, callOptions);
        } catch (err) {
          return Promise.reject(err);
        }
        return clientStreamCall(
          (callback) => method(prepared.metadata, { deadline: prepared.deadline }, callback) as grpc.ClientWritableStream<unknown>,
          messages,
        );
      };
    } else if (definition.responseStream) {
      wrapper[name] = (request: unknown, callOptions: CallOptions = {}) => {
        // Prepared now, in the caller's context; the call itself starts with the iteration.
        let prepared: ReturnType<typeof prepare> | undefined;
        let notMade: unknown;
        try {
          prepared = prepare(name, streamDeadlineMs, callOptions);
        } catch (err) {
          notMade = err;
        }
        return serverStreamCall(() => {
          if (!prepared) throw notMade;
          return method(request, prepared.metadata, { deadline: prepared.deadline }) as grpc.ClientReadableStream<unknown>;
        });
      };
    } else {
      const unary = (request: unknown, callOptions: CallOptions): Promise<unknown> =>
        new Promise((resolve, reject) => {
          const { metadata, deadline } = prepare(name, options.deadlineMs, callOptions);
          const { onCacheHint } = callOptions;
          if (!onCacheHint) {
            method(request, metadata, { deadline }, (err: grpc.ServiceError | null, response: unknown) =>
              err ? reject(fromGrpcError(err)) : resolve(response),
            );
            return;
          }
          // The trailers come with the 'status' event, which grpc-js emits right AFTER the callback (1.14,
          // client.js onReceiveStatus): the answer is held until both are in, whatever their order.
          let answered: { response: unknown } | undefined;
          let trailers: grpc.Metadata | undefined;
          const settle = () => {
            if (!answered || !trailers) return;
            const hint = parseHintTrailer(firstString(trailers, CACHE_HINT_TRAILER));
            // Called from grpc-js's callback or 'status' event: a throw there would escape as an uncaught
            // exception and leave this promise pending, so it fails the call instead.
            try {
              if (hint) onCacheHint(hint);
            } catch (err) {
              return reject(err);
            }
            resolve(answered.response);
          };
          const call = method(request, metadata, { deadline }, (err: grpc.ServiceError | null, response: unknown) => {
            if (err) return reject(fromGrpcError(err));
            answered = { response };
            settle();
          }) as grpc.ClientUnaryCall;
          call.on('status', (status: grpc.StatusObject) => {
            trailers = status.metadata;
            settle();
          });
        });
      wrapper[name] = (request: unknown, callOptions: CallOptions = {}) => {
        const metrics = clientMetricsFor(() => currentContext()?.service);
        if (!metrics) return unary(request, callOptions);
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        return unary(request, callOptions).then(
          (response) => {
            metrics.handled(serviceName, name, 'OK', seconds());
            return response;
          },
          (err: unknown) => {
            const code = ((err as Error).cause as Partial<grpc.ServiceError> | undefined)?.code;
            metrics.handled(serviceName, name, grpc.status[code ?? grpc.status.UNKNOWN] ?? 'UNKNOWN', seconds());
            throw err;
          },
        );
      };
    }
  }
  return wrapper as ServiceClient<D, ClientStreams, ServerStreams>;
}

/**
 * Pumps `messages` into a client-streaming call, waiting for 'drain' whenever grpc-js's buffer is full (HTTP/2
 * flow control holds the writes until the server reads), and settles once with whichever comes first: the
 * server's answer, or the iterable's failure (then the call is cancelled).
 */
function clientStreamCall(
  start: (callback: (err: grpc.ServiceError | null, response: unknown) => void) => grpc.ClientWritableStream<unknown>,
  messages: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let iterator: AsyncIterator<unknown> | Iterator<unknown> | undefined;
    let iteratorClosed = false;
    // Stops the source as soon as the answer is known (a Readable's iterator destroys the stream at once).
    const closeIterator = () => {
      if (iteratorClosed || !iterator) return;
      iteratorClosed = true;
      Promise.resolve()
        .then(() => iterator?.return?.())
        .catch(() => undefined);
    };
    let wakeUp: () => void = () => undefined;
    const call = start((err, response) => {
      if (settled) return;
      settled = true;
      wakeUp();
      closeIterator();
      if (err) reject(fromGrpcError(err));
      else resolve(response);
    });
    const pump = async () => {
      iterator = Symbol.asyncIterator in messages ? messages[Symbol.asyncIterator]() : (messages as Iterable<unknown>)[Symbol.iterator]();
      for (;;) {
        const next = await iterator.next();
        if (settled) return;
        if (next.done) {
          iteratorClosed = true;
          call.end();
          return;
        }
        if (!call.write(next.value)) {
          await new Promise<void>((resume) => {
            wakeUp = resume;
            call.once('drain', resume);
          });
          call.removeListener('drain', wakeUp);
          if (settled) return;
        }
      }
    };
    pump().catch((err: unknown) => {
      iteratorClosed = true; // an iterator that threw is finished
      if (settled) return;
      settled = true;
      call.cancel();
      reject(err);
    });
  });
}

/** The messages of a server-streaming call, started at the first `next()`; errors as AppError; an early exit cancels. */
async function* serverStreamCall(start: () => grpc.ClientReadableStream<unknown>): AsyncGenerator<unknown, void, undefined> {
  const call = start();
  let finished = false;
  try {
    for await (const message of call) yield message;
    finished = true;
  } catch (err) {
    finished = true;
    throw isServiceError(err) ? fromGrpcError(err) : err;
  } finally {
    // Leaving the loop early only destroys the Readable: grpc-js needs an explicit cancel to end the call.
    if (!finished) call.cancel();
  }
}

function isServiceError(err: unknown): err is grpc.ServiceError {
  return err instanceof Error && typeof (err as Partial<grpc.ServiceError>).code === 'number' && 'metadata' in err;
}

export { checkHealth } from './health-client';

/** The same failure a call that ran out of time gets from grpc-js, for a call not made because no time was left. */
function deadlineExceeded(rpc: string): grpc.ServiceError {
  return Object.assign(new Error(`${grpc.status.DEADLINE_EXCEEDED} DEADLINE_EXCEEDED: no time left for ${rpc}`), {
    code: grpc.status.DEADLINE_EXCEEDED,
    details: `Deadline exceeded: the caller's deadline left no time for ${rpc}`,
    metadata: new grpc.Metadata(),
  });
}
