import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares as ONE Express layer, run in order with Express 5's contract: `next(err)` (or a throw, or a
 * rejected promise) skips the rest and hands the error on; `next()` runs the following one. Express's router pays,
 * per layer and request, a path match, its params step and its own closures; the gateway's fixed prelude (request id,
 * context, log, headers, limit, body) and a route's guards run on every request, so they go through here instead
 * (bench/README.md, catalog-list: the router was the largest item of a cached read's profile after the HTTP writer).
 * Even one handler is wrapped: a caller may invoke the result outside Express (route.ts' lookup of parameterless GETs), and
 * a rejected promise must still reach the error handler.
 */
export function series(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, done: NextFunction) => {
    let index = 0;
    const next = (err?: unknown) => {
      if (err !== undefined && err !== null) {
        done(err);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        done();
        return;
      }
      try {
        const returned: unknown = handler(req, res, next);
        if (returned instanceof Promise) returned.catch((error: unknown) => done(error ?? new Error('Rejected promise')));
      } catch (error) {
        done(error);
      }
    };
    next();
  };
}
