import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { currentContext } from '../context';
import { MD, fromGrpcError, outgoingMetadata } from './metadata';
import { internalSecret, processServiceName, signerFor } from './service-token';

/**
 * Taken off the caller's remaining budget for each outgoing call: the caller still needs time to handle the
 * answer (or the failure) and reply before its own deadline.
 */
export const DEADLINE_MARGIN_MS = 20;

export interface CallOptions {
  /** Overrides the client's default deadline for this call. */
  deadlineMs?: number;
  /** Overrides the forwarded end-user token (e.g. a call made on behalf of a token the gateway just got). */
  authorization?: string;
}

/** A promise-returning client for a generated `…Definition`: request in, response out, errors as AppError. */
export type PromiseClient<D> = {
  // `any` for the serialized sides: MethodDefinition's (de)serializers are contravariant, so `unknown` never matches.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in keyof D]: D[K] extends MethodDefinition<infer ReqIn, any, any, infer ResOut>
    ? (request: ReqIn, options?: CallOptions) => Promise<ResOut>
    : never;
} & { close(): void; waitForReady(deadlineMs: number): Promise<void> };

export interface ClientOptions {
  /** Default deadline of every call; no call is ever made without one. */
  deadlineMs: number;
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
 * Builds a client whose every unary call carries a deadline and the current request's metadata
 * (end-user token, request id, trace context) and this process's signed service token. Errors come back as
 * AppError with the callee's code.
 *
 * Deadline: the default (or the call's `deadlineMs`), but never later than the incoming call's deadline minus
 * DEADLINE_MARGIN_MS when the call is made inside a gRPC handler; when nothing is left, the call is not made
 * and fails at once with DEADLINE_EXCEEDED.
 */
export function createClient<D extends grpc.ServiceDefinition>(
  ctor: grpc.ServiceClientConstructor,
  address: string,
  options: ClientOptions,
): PromiseClient<D> {
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
    ...(serviceConfig ? { 'grpc.service_config': JSON.stringify(serviceConfig) } : {}),
  });
  const wrapper: Record<string, unknown> = {
    close: () => client.close(),
    waitForReady: (deadlineMs: number) =>
      new Promise<void>((resolve, reject) =>
        client.waitForReady(Date.now() + deadlineMs, (err) => (err ? reject(err) : resolve())),
      ),
  };
  for (const name of Object.keys(ctor.service)) {
    const method = (client as unknown as Record<string, Function>)[name].bind(client);
    wrapper[name] = (request: unknown, callOptions: CallOptions = {}) =>
      new Promise((resolve, reject) => {
        const ctx = currentContext();
        const now = Date.now();
        let deadline = now + (callOptions.deadlineMs ?? options.deadlineMs);
        if (ctx?.deadline !== undefined) deadline = Math.min(deadline, ctx.deadline - DEADLINE_MARGIN_MS);
        if (deadline <= now) {
          reject(fromGrpcError(deadlineExceeded(`${serviceName}/${name}`)));
          return;
        }
        const metadata = outgoingMetadata({ authorization: callOptions.authorization });
        metadata.set(MD.serviceToken, signer.tokenFor(options.caller ?? ctx?.service ?? processServiceName()));
        method(
          request,
          metadata,
          { deadline },
          (err: grpc.ServiceError | null, response: unknown) => (err ? reject(fromGrpcError(err)) : resolve(response)),
        );
      });
  }
  return wrapper as PromiseClient<D>;
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
