import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Bodies smaller than this are sent as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/** Node's default brotli quality (11) is far too slow for per-request compression. */
export const BROTLI_OPTIONS = { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } };

/** The codings a body kept already encoded may be sent in (the edge cache's pages). */
export type ContentCoding = 'br' | 'gzip';

/**
 * br or gzip when `Accept-Encoding` makes it the compressor's choice (br preferred on a tie, RFC 9110 §12.5.3 q-values,
 * `*` for codings not named), else undefined — then the answer goes through the compressor as any other, which
 * negotiates deflate, identity or a refusal itself. Deliberately narrow: undefined is always a safe answer.
 */
export function preferredCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
    if (params.length && !weight) return undefined; // a parameter this does not understand: leave it to the compressor
    q.set(coding, weight ? Number(weight[1]) : 1);
  }
  const of = (coding: string) => q.get(coding) ?? q.get('*') ?? 0;
  const coding: ContentCoding = of('br') >= of('gzip') ? 'br' : 'gzip';
  const best = of(coding);
  if (best <= 0 || best < of('deflate') || best < (q.get('identity') ?? 0)) return undefined;
  return coding;
}

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
  const compress = compression({ threshold: COMPRESSION_THRESHOLD_BYTES, brotli: BROTLI_OPTIONS, filter });
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
