import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { fromGrpcError, outgoingMetadata } from './metadata';

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
}

/**
 * Builds a client whose every unary call carries a deadline and the current request's metadata
 * (end-user token, request id, trace context). Errors come back as AppError with the callee's code.
 */
export function createClient<D extends grpc.ServiceDefinition>(
  ctor: grpc.ServiceClientConstructor,
  address: string,
  options: ClientOptions,
): PromiseClient<D> {
  const serviceName = Object.values(ctor.service)[0]?.path.split('/')[1] ?? '';
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
        const deadline = Date.now() + (callOptions.deadlineMs ?? options.deadlineMs);
        method(
          request,
          outgoingMetadata({ authorization: callOptions.authorization }),
          { deadline },
          (err: grpc.ServiceError | null, response: unknown) => (err ? reject(fromGrpcError(err)) : resolve(response)),
        );
      });
  }
  return wrapper as PromiseClient<D>;
}

export { checkHealth } from './health-client';
