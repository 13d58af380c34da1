import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import pino from 'pino';
import { z } from 'zod';
import { errorHandler } from '../src/errors/http-errors';
import { requestId } from '../src/middleware/request-context';
import { series } from '../src/middleware/series';
import type { EdgeCache } from '../src/presentation/edge-cache';
import { mountRoutes, route, type RouteMiddleware } from '../src/routes/route';
import { Api } from './support/http';

const pass: RequestHandler = (_req, _res, next) => next();
const middleware = {
  authenticate: pass,
  authenticateOptional: pass,
  roleGuard: () => pass,
  strictLimits: {},
  idempotency: {},
  edgeCache: { enabled: false },
} as unknown as RouteMiddleware & { edgeCache: EdgeCache };

async function serve(app: express.Express) {
  app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));
  app.use(errorHandler(pino({ level: 'silent' })));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    api: new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('Routing: GETs of parameterless paths found by one lookup, with Express routing semantics', () => {
  const success = { status: 200 as const, description: 'ok' };
  const routes = [
    route({ method: 'get', path: '/things/{id}', operationId: 'thing', summary: 's', tags: [], access: 'public', params: z.object({ id: z.string() }), success, handle: ({ params }) => ({ by: 'param', id: params.id }) }),
    // Registered after a route whose pattern matches it: Express answers with the earlier one, so must the lookup.
    route({ method: 'get', path: '/things/special', operationId: 'special', summary: 's', tags: [], access: 'public', success, handle: () => ({ by: 'static' }) }),
    route({ method: 'get', path: '/plain', operationId: 'plain', summary: 's', tags: [], access: 'public', query: z.object({ n: z.coerce.number().int().optional() }), success, handle: ({ query }) => ({ by: 'plain', n: query.n ?? null }) }),
    route({ method: 'post', path: '/plain', operationId: 'postPlain', summary: 's', tags: [], access: 'public', success, handle: () => ({ by: 'post' }) }),
  ];

  test('When a parameterless GET path is requested in any case, with or without one trailing slash, then its route answers; anything else is routed by Express as before', async () => {
    const app = express();
    app.use(requestId());
    mountRoutes(app, routes, middleware);
    const gw = await serve(app);
    try {
      expect((await gw.api.get('/plain')).body).toEqual({ by: 'plain', n: null });
      expect((await gw.api.get('/PLAIN/?n=3')).body).toEqual({ by: 'plain', n: 3 });
      expect((await gw.api.get('/plain//')).status).toBe(404);
      expect((await gw.api.get('/plainer')).status).toBe(404);
      // the earlier parameterised route wins, as in Express
      expect((await gw.api.get('/things/special')).body).toEqual({ by: 'param', id: 'special' });
      // errors reach the error handler (422 from query validation)
      const invalid = await gw.api.get('/plain?n=x');
      expect(invalid.status).toBe(422);
      expect(invalid.body.code).toBe('VALIDATION_FAILED');
      // other methods, and HEAD, go through Express's route layers
      expect((await gw.api.post('/plain', {})).body).toEqual({ by: 'post' });
      const head = await fetch(`${gw.api.base}/plain`, { method: 'HEAD' });
      expect(head.status).toBe(200);
    } finally {
      await gw.close();
    }
  });
});

describe('series: several middlewares as one layer', () => {
  test('When the middlewares call next, throw, reject or pass an error, then they run in order and an error skips the rest to the error handler', async () => {
    const ran: string[] = [];
    const step =
      (name: string, outcome: 'next' | 'throw' | 'reject' | 'error' = 'next'): RequestHandler =>
      async (_req, _res, next) => {
        ran.push(name);
        if (outcome === 'reject') throw new Error(`${name} rejected`);
        if (outcome === 'error') return next(new Error(`${name} failed`));
        next();
      };
    const throwing: RequestHandler = () => {
      ran.push('throwing');
      throw new Error('thrown');
    };
    const app = express();
    app.use(requestId());
    app.get('/ok', series([step('a'), step('b'), (_req, res) => void res.json({ ran })]));
    app.get('/thrown', series([step('a'), throwing, step('never')]));
    app.get('/rejected', series([step('a'), step('b', 'reject'), step('never')]));
    app.get('/failed', series([step('a', 'error'), step('never')]));
    const gw = await serve(app);
    try {
      expect((await gw.api.get('/ok')).body).toEqual({ ran: ['a', 'b'] });
      for (const [path, expected] of [
        ['/thrown', ['a', 'throwing']],
        ['/rejected', ['a', 'b']],
        ['/failed', ['a']],
      ] as const) {
        ran.length = 0;
        const res = await gw.api.get(path);
        expect(res.status).toBe(500);
        expect(ran).toEqual(expected);
      }
    } finally {
      await gw.close();
    }
  });
});
