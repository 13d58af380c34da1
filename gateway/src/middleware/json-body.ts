import express, { type Request, type RequestHandler } from 'express';
import { HttpError } from '../errors/http-errors';

/**
 * Strict JSON (objects and arrays only) with a size limit. Parse failures reach the error handler as
 * body-parser errors and are mapped there (400 BAD_JSON, 413 PAYLOAD_TOO_LARGE, 415).
 * A body that is not JSON at all is refused with 415 instead of being silently ignored.
 * `skip`: requests whose route streams its own body (uploads: multipart, raw bytes) — neither parsed nor refused.
 */
export function jsonBody(limit: string, skip: (req: Request) => boolean = () => false): RequestHandler[] {
  const json = express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
  // The parser's own "has a body" rule (type-is: a Content-Length, even 0, or a Transfer-Encoding), checked first:
  // most requests are GETs without one, and `skip` matches the path against route patterns.
  const parse: RequestHandler = (req, res, next) =>
    (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) || skip(req) ? next() : json(req, res, next);
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (hasBody && req.body === undefined && !['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !skip(req)) {
      next(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Request body must be JSON (Content-Type: application/json)'));
      return;
    }
    next();
  };
  return [parse, requireJson];
}
