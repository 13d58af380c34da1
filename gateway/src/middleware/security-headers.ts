import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's default security headers, set by one middleware. helmet() is a chain of 12 middlewares, each a
 * function call and a `next()` per request (~4 % of the gateway's CPU on the course list); with its default
 * options every header is a constant, so helmet is run once here against a recorder and the request path only
 * copies what it set. Running helmet itself (not a copy of its list) keeps the set exactly helmet's, version
 * after version. Only valid for options without per-request values (a CSP nonce function): none are used.
 */
export function securityHeaders(): RequestHandler {
  const headers: [string, string][] = [];
  const removed: string[] = [];
  let synchronous = false;
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.push([name, String(value)]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  helmet()({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    synchronous = true;
  });
  if (!synchronous) throw new Error('helmet did not answer synchronously: its headers cannot be precomputed');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
