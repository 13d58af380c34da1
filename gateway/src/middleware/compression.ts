import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Bodies smaller than this are sent as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * gzip or br, negotiated by `Accept-Encoding` (br preferred when both are accepted), for compressible
 * bodies (JSON, text, …) over ~1 KB. Never for Server-Sent Events or any response that says
 * `Cache-Control: no-transform` (the package honours it): a streamed response must reach the client as
 * it is written, not when a compressor's buffer fills.
 */
export function responseCompression(): RequestHandler {
  const filter = (req: Request, res: Response) => {
    const type = String(res.getHeader('Content-Type') ?? '');
    if (/^text\/event-stream/i.test(type)) return false;
    return compression.filter(req, res);
  };
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    // Node's default brotli quality (11) is far too slow for per-request compression.
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    filter,
  });
  return (req, res, next) => {
    const identityOnly = !req.headers['accept-encoding'];
    // Inside the compressor's own writeHead hook (installed after this one), so Content-Encoding is known here.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (!this.headersSent) {
        if (identityOnly && filter(req, this) && !/(?:^|,)\s*?no-transform\s*?(?:,|$)/i.test(String(this.getHeader('Cache-Control') ?? ''))) {
          // What the package adds to every response it could have compressed: caches must key on the encoding.
          this.vary('Accept-Encoding');
        }
        // A compressed body is another representation: its ETag is weakened (as nginx does), so a byte-range or
        // strong comparison never mixes it up with the identity body; If-None-Match compares weakly and matches.
        const etag = this.getHeader('ETag');
        if (typeof etag === 'string' && etag.startsWith('"') && this.getHeader('Content-Encoding')) this.setHeader('ETag', `W/${etag}`);
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    // No Accept-Encoding: nothing is ever compressed (identity is the only acceptable coding), so the package's
    // wrapping of write/end and its negotiation are skipped.
    if (identityOnly) next();
    else compress(req, res, next);
  };
}

/**
 * `X-Process-Time` on every response, as the seed's middleware: the seconds between the request's
 * arrival and its headers being written, with millisecond precision (`"0.004"`). Set in `writeHead`,
 * which every way of answering passes through (also the error handler's and `res.write`'s implicit one).
 */
export function processTime(): RequestHandler {
  return (_req, res, next) => {
    const started = process.hrtime.bigint();
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (!this.headersSent) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.setHeader('X-Process-Time', seconds.toFixed(3));
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    next();
  };
}
