import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { ZodError, ZodIssue } from 'zod';
import { AppError, httpStatusForError, isAppError, newRequestId, type FieldError, type Logger } from '@lms/kit';
import { tracing } from '@lms/kit/telemetry';

/**
 * The one error body of the public API: `{detail, code, request_id}`, plus `errors` for 422.
 * Every failure — ours, auth's (an AppError rebuilt from gRPC trailers), Express's — goes through
 * `sendError`, so the mapping kind → HTTP status happens exactly here.
 */
export interface ErrorBody {
  detail: string;
  code: string;
  request_id: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** An HTTP-level failure that has no AppError kind (400 bad JSON, 413, 415, 404 route, …). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Retry-After of a 503 when the unavailable dependency gave no hint of its own. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const TOKEN_CODES = new Set(['AUTH.TOKEN_EXPIRED', 'AUTH.TOKEN_INVALID', 'AUTH.TOKEN_REVOKED', 'AUTH.TOKEN_MALFORMED']);
const LOC_ROOTS = new Set(['body', 'query', 'path', 'header']);

export function requestIdOf(res: Response): string {
  return (res.locals.requestId as string | undefined) ?? '';
}

/** zod issues → `[{loc, msg}]` with loc rooted at body/query/path; unknown keys get one entry each. */
export function fieldErrorsFromZod(where: 'body' | 'query' | 'path', error: ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) out.push(...fieldErrorsFromIssue(where, issue));
  return out;
}

function fieldErrorsFromIssue(where: string, issue: ZodIssue): FieldError[] {
  const loc = [where, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ loc: [...loc, key], msg: 'Unknown field' }));
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return [{ loc, msg: 'Field required' }];
  return [{ loc, msg: issue.message }];
}

export function validationError(fields: FieldError[]): AppError {
  const first = fields[0];
  const where = first ? `${first.loc.join('.')}: ${first.msg}` : 'invalid request';
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return new AppError('invalid_argument', `Validation failed: ${where}${more}`, { code: 'VALIDATION_FAILED', fields });
}

function normaliseFields(fields: FieldError[]): FieldError[] {
  return fields.map((f) => ({
    loc: f.loc.length && LOC_ROOTS.has(String(f.loc[0])) ? f.loc : ['body', ...f.loc],
    msg: f.msg,
  }));
}

/** Writes the standard error body. Returns the status written. */
export function sendError(req: Request, res: Response, err: unknown, logger: Logger): number {
  const requestId = requestIdOf(res);
  let status: number;
  let body: ErrorBody;
  const headers: Record<string, string> = {};

  if (err instanceof HttpError) {
    status = err.status;
    body = { detail: err.message, code: err.code, request_id: requestId };
    Object.assign(headers, err.headers);
  } else if (isAppError(err)) {
    status = httpStatusForError(err);
    const internal = status >= 500 && err.kind === 'internal';
    body = {
      ...(err.meta && !internal ? safeMeta(err.meta) : {}),
      detail: internal ? 'Internal server error' : err.message,
      code: err.code,
      request_id: requestId,
    };
    if (status === 422) body.errors = normaliseFields(err.fields ?? []);
    if (status === 401) {
      headers['WWW-Authenticate'] = TOKEN_CODES.has(err.code)
        ? `Bearer realm="lms", error="invalid_token", error_description="${err.message.replace(/"/g, "'")}"`
        : 'Bearer realm="lms"';
    }
    const retryAfter = Number(err.meta?.retry_after_seconds);
    if (status === 429 && Number.isFinite(retryAfter) && retryAfter > 0) headers['Retry-After'] = String(Math.ceil(retryAfter));
    // A dependency that is down (a backend, Redis behind the limiter or the revocation list): the route
    // is degraded, not gone — tell clients when to come back (the callee's hint, else a short default).
    if (status === 503) {
      headers['Retry-After'] = String(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : UNAVAILABLE_RETRY_AFTER_SECONDS);
    }
    if (status >= 500) logger.error({ err, code: err.code, method: req.method, path: req.path }, 'request failed');
  } else {
    status = 500;
    body = { detail: 'Internal server error', code: 'INTERNAL', request_id: requestId };
    logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
  }

  // With tracing on, the request's HTTP span carries the code the client gets (status ERROR, no stack, no detail).
  tracing()?.fail(body.code, `${status} ${body.code}`);
  if (res.headersSent) {
    res.end();
    return status;
  }
  res.set(headers).status(status).json(body);
  return status;
}

function safeMeta(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) if (/^[a-z][a-z0-9_]{0,63}$/.test(k)) out[k] = v;
  return out;
}

/** Errors thrown by body-parser (and other Express internals) carry `type`/`status`. */
interface ExpressHttpError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
}

export function fromExpressError(err: unknown): unknown {
  if (!err || typeof err !== 'object' || isAppError(err) || err instanceof HttpError) return err;
  const e = err as ExpressHttpError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'BAD_JSON', 'Request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit${e.limit ? ` of ${e.limit} bytes` : ''}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported request body encoding or charset');
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'BAD_REQUEST', 'Request body was incomplete');
    default:
      break;
  }
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'BAD_REQUEST', e.expose && err instanceof Error ? err.message : 'Bad request');
  }
  return err;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    sendError(req, res, fromExpressError(err), logger);
  };
}

/** Node's HTTP parser errors this answer names (anything else it cannot parse is a plain 400). */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'Request line or headers are larger than the server accepts (16 KB)'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'Request was not received in time'],
};

/**
 * The server's `clientError` handler: a request Node cannot parse (a URL or headers over 16 KB, a malformed request
 * line) never reaches Express, and Node's own answer is a bare status without a body. The public contract promises
 * the error body on every 4xx, so this writes it (with a fresh request id) and closes the connection.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // As Node's own handler: once a response is under way on this connection (a stream to a slow reader, say), a
  // status line written now would land in its middle — the connection can only be closed.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, detail] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'BAD_REQUEST', 'Malformed HTTP request'];
  const requestId = newRequestId();
  const body = JSON.stringify({ detail, code, request_id: requestId });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}
