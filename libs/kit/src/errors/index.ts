import type { status as GrpcStatus } from '@grpc/grpc-js';

/**
 * The gRPC status codes mapped here: google.rpc.Code's fixed numbers, the values of grpc-js's `status` enum (the kit's
 * errors test compares them). Written out so `@lms/kit` and `@lms/kit/errors` load without grpc-js — its 65 modules
 * and the node built-ins they pull (http2, tls, zlib: ~11 MiB of RSS) in a process or CLI that never speaks gRPC.
 */
const Code = {
  OK: 0,
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const satisfies Partial<Record<keyof typeof GrpcStatus, GrpcStatus>>;

/**
 * Every failure a caller can act on is an AppError with a stable string `code` and a `kind`.
 * The kind is mapped exactly once to a gRPC status (here) and once to an HTTP status (the gateway,
 * through `httpStatusForGrpc`). Anything that is not an AppError is an internal error.
 */
export type ErrorKind =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'failed_precondition'
  | 'resource_exhausted'
  | 'unavailable'
  | 'internal';

import type { FieldError } from './field-checker';

export interface AppErrorOptions {
  code?: string;
  fields?: FieldError[];
  /** Extra machine-readable facts safe to show to the caller (e.g. retry_after_seconds). */
  meta?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fields?: FieldError[];
  readonly meta?: Record<string, unknown>;

  constructor(kind: ErrorKind, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = options.code ?? DEFAULT_CODES[kind];
    this.fields = options.fields;
    this.meta = options.meta;
  }
}

const DEFAULT_CODES: Record<ErrorKind, string> = {
  invalid_argument: 'INVALID_ARGUMENT',
  unauthenticated: 'UNAUTHENTICATED',
  permission_denied: 'PERMISSION_DENIED',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  failed_precondition: 'FAILED_PRECONDITION',
  resource_exhausted: 'RATE_LIMITED',
  unavailable: 'UNAVAILABLE',
  internal: 'INTERNAL',
};

export class ValidationError extends AppError {
  constructor(message: string, fields: FieldError[] = [], code = 'VALIDATION_FAILED') {
    super('invalid_argument', message, { code, fields });
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found', code = 'NOT_FOUND') {
    super('not_found', message, { code });
  }
}
export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT') {
    super('conflict', message, { code });
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required', code = 'UNAUTHENTICATED') {
    super('unauthenticated', message, { code });
  }
}
export class PermissionDeniedError extends AppError {
  constructor(message = 'You are not allowed to do this', code = 'PERMISSION_DENIED') {
    super('permission_denied', message, { code });
  }
}
export class PreconditionError extends AppError {
  constructor(message: string, code = 'FAILED_PRECONDITION', meta?: Record<string, unknown>) {
    super('failed_precondition', message, { code, meta });
  }
}
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number, code = 'RATE_LIMITED') {
    super('resource_exhausted', message, { code, meta: { retry_after_seconds: retryAfterSeconds } });
  }
}
export class UnavailableError extends AppError {
  constructor(message = 'A dependency is unavailable', code = 'UNAVAILABLE', cause?: unknown) {
    super('unavailable', message, { code, cause });
  }
}

const KIND_TO_GRPC: Record<ErrorKind, GrpcStatus> = {
  invalid_argument: Code.INVALID_ARGUMENT,
  unauthenticated: Code.UNAUTHENTICATED,
  permission_denied: Code.PERMISSION_DENIED,
  not_found: Code.NOT_FOUND,
  conflict: Code.ALREADY_EXISTS,
  failed_precondition: Code.FAILED_PRECONDITION,
  resource_exhausted: Code.RESOURCE_EXHAUSTED,
  unavailable: Code.UNAVAILABLE,
  internal: Code.INTERNAL,
};

export function grpcStatusForKind(kind: ErrorKind): GrpcStatus {
  return KIND_TO_GRPC[kind];
}

/** Inverse mapping, for errors that come back from another service over gRPC. */
export function kindForGrpcStatus(code: GrpcStatus): ErrorKind {
  switch (code) {
    case Code.INVALID_ARGUMENT:
    case Code.OUT_OF_RANGE:
      return 'invalid_argument';
    case Code.UNAUTHENTICATED:
      return 'unauthenticated';
    case Code.PERMISSION_DENIED:
      return 'permission_denied';
    case Code.NOT_FOUND:
      return 'not_found';
    case Code.ALREADY_EXISTS:
    case Code.ABORTED:
      return 'conflict';
    case Code.FAILED_PRECONDITION:
      return 'failed_precondition';
    case Code.RESOURCE_EXHAUSTED:
      return 'resource_exhausted';
    case Code.UNAVAILABLE:
    case Code.DEADLINE_EXCEEDED:
    case Code.CANCELLED:
      return 'unavailable';
    default:
      return 'internal';
  }
}

/** gRPC status → HTTP status, per google.rpc.Code. Used once, by the gateway. */
export function httpStatusForGrpc(code: GrpcStatus): number {
  switch (code) {
    case Code.OK:
      return 200;
    case Code.INVALID_ARGUMENT:
    case Code.OUT_OF_RANGE:
      return 422;
    case Code.UNAUTHENTICATED:
      return 401;
    case Code.PERMISSION_DENIED:
      return 403;
    case Code.NOT_FOUND:
      return 404;
    case Code.ALREADY_EXISTS:
    case Code.ABORTED:
      return 409;
    case Code.FAILED_PRECONDITION:
      return 409;
    case Code.RESOURCE_EXHAUSTED:
      return 429;
    case Code.UNIMPLEMENTED:
      return 501;
    case Code.UNAVAILABLE:
      return 503;
    case Code.DEADLINE_EXCEEDED:
      return 504;
    default:
      return 500;
  }
}

export function httpStatusForKind(kind: ErrorKind): number {
  return httpStatusForGrpc(grpcStatusForKind(kind));
}

/**
 * The few failures whose HTTP status no gRPC kind names. Their kind stays the truthful one for gRPC callers
 * (too large / over quota are NOT resource_exhausted: that is 429, "slow down"); the HTTP status is refined here.
 */
const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'MEDIA.FILE_TOO_LARGE': 413,
  'MEDIA.QUOTA_EXCEEDED': 413,
  'MEDIA.UNSUPPORTED_TYPE': 415,
  'MEDIA.CONTENT_MISMATCH': 415,
  'MEDIA.RANGE_NOT_SATISFIABLE': 416,
  // the certificate exists, its PDF is still being rendered: "try again shortly" (the gateway adds Retry-After)
  'CERTIFICATE.PDF_PENDING': 503,
};

/** The HTTP status of an AppError: its code's refinement when it has one, else its kind's (httpStatusForKind). */
export function httpStatusForError(err: AppError): number {
  return (Object.hasOwn(HTTP_STATUS_BY_CODE, err.code) ? HTTP_STATUS_BY_CODE[err.code] : undefined) ?? httpStatusForKind(err.kind);
}

/** Normalises anything thrown into an AppError; unknown errors become `internal` with the original as cause. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isConnectionFailure(err)) return new UnavailableError('A dependency is unavailable, try again', 'DEPENDENCY_UNAVAILABLE', err);
  return new AppError('internal', 'Internal error', { cause: err });
}

/** SQLSTATE classes of a server that refuses or dropped the session: 08 connection exception, 57P operator intervention. */
const UNAVAILABLE_SQLSTATE = /^(08|57P)|^53300$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres' own errors for a connection that died under a query (they carry no code). */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * A database (or other server) that cannot be reached, is shutting down or starting up, or dropped the
 * connection under a query: the request may succeed if tried again, so it is `unavailable` (503 / gRPC
 * UNAVAILABLE, with Retry-After at the gateway), not an internal error. Looks through Sequelize's wrappers
 * (`parent`/`original`) by shape, so this module needs no driver.
 */
export function isConnectionFailure(err: unknown): boolean {
  for (let e = err as { name?: unknown; code?: unknown; message?: unknown; parent?: unknown; original?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.name === 'string' && /^Sequelize(Connection\w*|HostNotReachable|HostNotFound)Error$/.test(e.name)) return true;
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_ERRNO.has(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = (e.parent ?? e.original) as typeof e;
  }
  return false;
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/**
 * What another service's error means to us: its answers (NOT_FOUND, PERMISSION_DENIED, a validation
 * failure…) keep their meaning; a service that cannot be reached or failed internally becomes our own
 * `unavailable` error, built by `unavailable` (e.g. `EnrollmentErrors.catalogUnavailable`).
 */
export function remoteFailure(err: unknown, unavailable: (cause: unknown) => AppError): AppError {
  if (err instanceof AppError && err.kind !== 'unavailable' && err.kind !== 'internal') return err;
  return unavailable(err);
}

export * from './field-checker';
