import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Logger } from 'pino';
import { runWithContext, contextFromIncoming, type RequestContext } from '../context';
import { toAppError } from '../errors';
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
}

/** Handlers for a generated `…Definition`: plain async functions, request in, response out. */
export type UnaryHandlers<D> = {
  // Index signatures (from grpc.ServiceDefinition) are dropped: only the named methods need handlers.
  // `any` for the unused sides: MethodDefinition's (de)serializers are contravariant, so `unknown` never matches.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in keyof D as string extends K ? never : K]: D[K] extends MethodDefinition<any, infer ResIn, infer ReqOut, any>
    ? (request: ReqOut, call: CallInfo) => Promise<ResIn>
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

  constructor(options: GrpcServerOptions) {
    this.logger = options.logger;
    this.slowCallMs = options.slowCallMs ?? 500;
    this.verifier = new ServiceTokenVerifier(options.internalSecret ?? internalSecret());
    this.serviceName = options.serviceName;
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': 4 * 1024 * 1024,
      'grpc.keepalive_permit_without_calls': 1,
    });
    this.health = new HealthImplementation({ '': 'NOT_SERVING' });
    this.health.addToServer(this.server);
  }

  addService<D extends grpc.ServiceDefinition>(definition: D, handlers: UnaryHandlers<D>): void {
    const wrapped: grpc.UntypedServiceImplementation = {};
    const service = this.serviceName ?? serviceOfPath(Object.values(definition)[0]?.path ?? '');
    if (service) defaultProcessService(service);
    for (const [name, method] of Object.entries(definition)) {
      const handler = (handlers as Record<string, unknown>)[name];
      if (typeof handler !== 'function') throw new Error(`gRPC handler missing for ${method.path}`);
      if (method.requestStream || method.responseStream) {
        throw new Error(`${method.path}: only unary methods are supported by GrpcServer.addService`);
      }
      wrapped[name] = this.wrapUnary(method.path, service, handler as (req: unknown, call: CallInfo) => Promise<unknown>);
    }
    this.server.addService(definition, wrapped);
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

  private wrapUnary(path: string, service: string | undefined, handler: (req: unknown, call: CallInfo) => Promise<unknown>) {
    return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const md = call.metadata;
      const callerService = this.verifier.verify(firstString(md, MD.serviceToken));
      if (!callerService) {
        // Nothing the caller sent is trusted, not even its request id: log the socket peer.
        this.logger.warn({ rpc: path, peer: call.getPeer(), has_token: md.get(MD.serviceToken).length > 0 }, 'rpc refused: no valid service token');
        callback({ code: grpc.status.UNAUTHENTICATED, details: 'A valid service token is required', metadata: errorCodeMetadata('SERVICE_AUTH.TOKEN_INVALID') });
        return;
      }
      const deadline = deadlineMs(call.getDeadline());
      if (deadline !== undefined && deadline <= Date.now()) {
        this.logger.info({ rpc: path, caller: callerService }, 'rpc refused: deadline already passed');
        callback({ code: grpc.status.DEADLINE_EXCEEDED, details: 'Deadline exceeded before the call was handled', metadata: errorCodeMetadata('DEADLINE_EXCEEDED') });
        return;
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
      runWithContext(context, () => {
        const started = performance.now();
        handler(call.request, { metadata: md, context, authorization: context.authorization, callerService }).then(
          (response) => {
            const ms = Math.round(performance.now() - started);
            this.logger[ms >= this.slowCallMs ? 'info' : 'debug']({ rpc: path, ms, status: 'OK', caller: callerService }, 'rpc');
            callback(null, response);
          },
          (thrown: unknown) => {
            const err = toAppError(thrown);
            const ms = Math.round(performance.now() - started);
            if (err.kind === 'internal' || err.kind === 'unavailable') {
              this.logger.error({ rpc: path, ms, code: err.code, caller: callerService, err: err.cause ?? err }, 'rpc failed');
            } else {
              this.logger.info({ rpc: path, ms, code: err.code, caller: callerService }, 'rpc refused');
            }
            callback(toGrpcError(err));
          },
        );
      });
    };
  }
}

/** `/lms.catalog.v1.CatalogService/GetCourse` → `catalog`. */
function serviceOfPath(path: string): string | undefined {
  const name = path.split('/')[1]?.split('.')[1];
  return name && isServiceName(name) ? name : undefined;
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
