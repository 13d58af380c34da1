import { status as GrpcStatus } from '@grpc/grpc-js';

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
  invalid_argument: GrpcStatus.INVALID_ARGUMENT,
  unauthenticated: GrpcStatus.UNAUTHENTICATED,
  permission_denied: GrpcStatus.PERMISSION_DENIED,
  not_found: GrpcStatus.NOT_FOUND,
  conflict: GrpcStatus.ALREADY_EXISTS,
  failed_precondition: GrpcStatus.FAILED_PRECONDITION,
  resource_exhausted: GrpcStatus.RESOURCE_EXHAUSTED,
  unavailable: GrpcStatus.UNAVAILABLE,
  internal: GrpcStatus.INTERNAL,
};

export function grpcStatusForKind(kind: ErrorKind): GrpcStatus {
  return KIND_TO_GRPC[kind];
}

/** Inverse mapping, for errors that come back from another service over gRPC. */
export function kindForGrpcStatus(code: GrpcStatus): ErrorKind {
  switch (code) {
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.OUT_OF_RANGE:
      return 'invalid_argument';
    case GrpcStatus.UNAUTHENTICATED:
      return 'unauthenticated';
    case GrpcStatus.PERMISSION_DENIED:
      return 'permission_denied';
    case GrpcStatus.NOT_FOUND:
      return 'not_found';
    case GrpcStatus.ALREADY_EXISTS:
    case GrpcStatus.ABORTED:
      return 'conflict';
    case GrpcStatus.FAILED_PRECONDITION:
      return 'failed_precondition';
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return 'resource_exhausted';
    case GrpcStatus.UNAVAILABLE:
    case GrpcStatus.DEADLINE_EXCEEDED:
    case GrpcStatus.CANCELLED:
      return 'unavailable';
    default:
      return 'internal';
  }
}

/** gRPC status → HTTP status, per google.rpc.Code. Used once, by the gateway. */
export function httpStatusForGrpc(code: GrpcStatus): number {
  switch (code) {
    case GrpcStatus.OK:
      return 200;
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.OUT_OF_RANGE:
      return 422;
    case GrpcStatus.UNAUTHENTICATED:
      return 401;
    case GrpcStatus.PERMISSION_DENIED:
      return 403;
    case GrpcStatus.NOT_FOUND:
      return 404;
    case GrpcStatus.ALREADY_EXISTS:
    case GrpcStatus.ABORTED:
      return 409;
    case GrpcStatus.FAILED_PRECONDITION:
      return 409;
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return 429;
    case GrpcStatus.UNIMPLEMENTED:
      return 501;
    case GrpcStatus.UNAVAILABLE:
      return 503;
    case GrpcStatus.DEADLINE_EXCEEDED:
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
  return new AppError('internal', 'Internal error', { cause: err });
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
