import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { contextFromIncoming, newRequestId, runWithContext, sanitizeRequestId, type Logger } from '@lms/kit';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A sane incoming X-Request-Id is kept (short, printable), anything else is replaced; echoed back. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const id = sanitizeRequestId(req.get(REQUEST_ID_HEADER)) ?? newRequestId();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/** The client address used for rate limits and forwarded to services (IPv4-mapped IPv6 unwrapped). */
export function clientIp(ip: string | undefined): string {
  if (!ip) return 'unknown';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}

/**
 * Everything after this runs inside the request's async context: the logger adds request/trace ids,
 * and the kit's gRPC client forwards authorization, request id, trace and client ip/user agent.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const ctx = contextFromIncoming({
      requestId: res.locals.requestId as string,
      traceparent: req.get('traceparent'),
      authorization: req.get('authorization'),
      clientIp: clientIp(req.ip),
      userAgent: req.get('user-agent'),
    });
    res.locals.clientIp = ctx.clientIp;
    runWithContext(ctx, next);
  };
}

/** One line per request when the response is done: method, path, status, duration. No bodies, no tokens. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    let logged = false;
    const done = AsyncResource.bind((aborted: boolean) => {
      if (logged) return;
      logged = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const caller = res.locals.caller as { userId?: string } | undefined;
      const line = {
        method: req.method,
        path: req.path.slice(0, 300),
        status: aborted && !res.writableFinished ? 499 : res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: res.locals.clientIp as string | undefined,
        ...(caller?.userId ? { user_id: caller.userId } : {}),
      };
      if (line.status >= 500) logger.warn(line, 'request');
      else logger.info(line, 'request');
    });
    res.once('finish', () => done(false));
    res.once('close', () => done(true));
    next();
  };
}
