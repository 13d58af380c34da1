import * as grpc from '@grpc/grpc-js';
import { AppError, type ErrorKind, grpcStatusForKind, kindForGrpcStatus, type FieldError } from '../errors';
import { currentContext, formatTraceparent, newSpanId } from '../context';
import { tracing } from '../telemetry/bridge';

/** Metadata keys shared by the gateway, every server and every client. */
export const MD = {
  requestId: 'x-request-id',
  traceparent: 'traceparent',
  authorization: 'authorization',
  clientIp: 'x-client-ip',
  userAgent: 'x-client-user-agent',
  /** The calling service's signed token (service-token.ts); required on every call but health checks. */
  serviceToken: 'x-service-token',
  errorCode: 'x-error-code',
  errorFields: 'x-error-fields',
  errorMeta: 'x-error-meta',
} as const;

export function firstString(md: grpc.Metadata, key: string): string | undefined {
  const v = md.get(key)[0];
  return typeof v === 'string' ? v : v?.toString();
}

/** Outgoing metadata for a call made inside the current request/event: identity, request id, trace. */
export function outgoingMetadata(extra?: { authorization?: string }): grpc.Metadata {
  const md = new grpc.Metadata();
  const ctx = currentContext();
  if (ctx) {
    md.set(MD.requestId, ctx.requestId);
    // With tracing on, the active span's context (the grpc instrumentation then writes its client span's over it):
    // never a made-up span id that no exported span has.
    const otel = tracing();
    const traceparent = otel ? otel.traceparent() : formatTraceparent({ traceId: ctx.traceId, spanId: newSpanId() });
    if (traceparent) md.set(MD.traceparent, traceparent);
    if (ctx.clientIp) md.set(MD.clientIp, ctx.clientIp);
    if (ctx.userAgent) md.set(MD.userAgent, ctx.userAgent.slice(0, 512));
  }
  const authorization = extra?.authorization ?? ctx?.authorization;
  if (authorization) md.set(MD.authorization, authorization);
  return md;
}

/** AppError → the gRPC error object a handler returns; the code, field errors and safe meta ride in trailers. */
export function toGrpcError(err: AppError): Partial<grpc.StatusObject> {
  const md = new grpc.Metadata();
  md.set(MD.errorCode, asciiOnly(err.code));
  if (err.fields?.length) md.set(MD.errorFields, asciiJson(err.fields));
  if (err.meta) md.set(MD.errorMeta, asciiJson(err.meta));
  return {
    code: grpcStatusForKind(err.kind),
    details: err.kind === 'internal' ? 'Internal error' : err.message,
    metadata: md,
  };
}

/** Metadata values must be printable ASCII: JSON with every other character escaped as \\uXXXX. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function asciiOnly(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}

function parseJson<T>(value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

/** A failed call's ServiceError → AppError again, keeping the callee's stable code and fields. */
export function fromGrpcError(err: grpc.ServiceError): AppError {
  const md = err.metadata ?? new grpc.Metadata();
  const kind: ErrorKind = kindForGrpcStatus(err.code);
  const code = firstString(md, MD.errorCode);
  const fields = parseJson<FieldError[]>(firstString(md, MD.errorFields));
  const meta = parseJson<Record<string, unknown>>(firstString(md, MD.errorMeta));
  const message =
    kind === 'unavailable' && !code ? 'A dependency is unavailable, try again' : err.details || err.message;
  return new AppError(kind, message, { code, fields, meta, cause: err });
}
