import type { Express, Request, RequestHandler, Response } from 'express';
import type { ZodTypeAny, z } from 'zod';
import type { Caller, Role } from '@lms/kit/auth';
import type { CacheHint } from '@lms/kit/grpc';
import { COMPRESSION_THRESHOLD_BYTES, preferredCoding, type ContentCoding } from '../middleware/compression';
import { noneMatch, strongEtag, type EdgeBody, type EdgeCache } from '../presentation/edge-cache';
import { IDEMPOTENCY_HEADER, type IdempotencyStart, type IdempotencyStore } from '../middleware/idempotency';
import { series } from '../middleware/series';
import { parsePart } from '../middleware/validate';
import { toPublic } from '../presentation/public-shape';

/**
 * One declaration per public route, used twice: to mount it on Express (guards, limits, validation,
 * handler) and to describe it in the OpenAPI document — so the two cannot drift apart.
 */
/**
 * `public`: no token needed, any Authorization header is ignored and never forwarded.
 * `optional`: anonymous callers are served; a bearer token, when sent, must be valid (else 401) and
 * is forwarded, so the service can widen what the caller sees (e.g. an instructor's own drafts).
 * `authenticated`: any valid token. A role list: a valid token with one of those roles (else 403).
 */
export type Access = 'public' | 'optional' | 'authenticated' | readonly Role[];
export type StrictLimitName = 'login' | 'register' | 'password_reset' | 'bulk_enroll' | 'upload' | 'verify';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The verified caller (undefined on public routes, and on optional ones when no token was sent). */
  caller: Caller | undefined;
  req: Request;
  res: Response;
  /** Answer with one of the route's `alsoSuccess` statuses instead of `success.status` (its schema shapes the body). */
  answerAs(status: SuccessStatus): void;
  /** Routes with `edgeCache`: the `onCacheHint` of the one gRPC call whose answer the route returns. */
  onCacheHint(hint: CacheHint): void;
}

export type SuccessStatus = 200 | 201 | 202 | 204;

export interface RouteDef<B extends ZodTypeAny = ZodTypeAny, Q extends ZodTypeAny = ZodTypeAny, P extends ZodTypeAny = ZodTypeAny> {
  method: Method;
  /** OpenAPI form: `/api/v1/users/{user_id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  strictLimit?: StrictLimitName;
  /** Honours `Idempotency-Key` (creating POSTs). */
  idempotent?: boolean;
  body?: B;
  /** Default true when a body schema is given; false lets an empty body parse as `{}`. */
  bodyRequired?: boolean;
  /**
   * The handler streams the request body itself (multipart or raw bytes): the JSON parser leaves it alone,
   * and the document shows this media type. Until the handler says the body was read to its end
   * (`bodyConsumed(res)`), any answer closes the connection, so a refused upload is never drained.
   */
  rawBody?: { contentType: string; schema: ZodTypeAny; description?: string };
  /** A JSON body larger than BODY_LIMIT is allowed up to this size (e.g. "640kb": certificate templates). */
  bodyLimit?: string;
  query?: Q;
  params?: P;
  success: {
    status: SuccessStatus;
    description: string;
    schema?: ZodTypeAny;
    contentType?: string;
    cacheSeconds?: number;
    /** Other media types the same response may have (chosen by a query parameter such as `format`), for the document. */
    alternatives?: { contentType: string; schema: ZodTypeAny }[];
  };
  /** Other success statuses the handler may pick with `answerAs` (e.g. 200 for a resumed attempt next to 201). */
  alsoSuccess?: { status: SuccessStatus; description: string; schema?: ZodTypeAny }[];
  /** Extra error statuses worth documenting (404, 409, 503); the standard ones are added automatically. */
  errors?: number[];
  /**
   * A public read the gateway may keep (presentation/edge-cache.ts; GETs only): the key of this request's answer,
   * from the validated input AND everything caller-dependent the handler uses — undefined when this request's
   * answer must not be shared (e.g. a list widened to drafts). Only an answer the service hinted public
   * (`onCacheHint`) is kept, and only such answers get an ETag (304 on If-None-Match) and `Cache-Control:
   * public, no-cache` (anonymous) or `private, no-cache`; any other answer of the route is `private, no-store`.
   */
  edgeCache?: (input: { query: z.infer<Q>; params: z.infer<P>; caller: Caller | undefined }) => string | undefined;
  /** Returns the response body; or writes the response itself (then the return value is ignored). */
  handle(input: RouteInput<z.infer<B>, z.infer<Q>, z.infer<P>>): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

export function route<B extends ZodTypeAny = ZodTypeAny, Q extends ZodTypeAny = ZodTypeAny, P extends ZodTypeAny = ZodTypeAny>(
  def: RouteDef<B, Q, P>,
): AnyRoute {
  return def as AnyRoute;
}

/** The same route served at a second path (e.g. the seed's code path next to its documented one). */
export function aliasAt(def: AnyRoute, path: string, operationId: string): AnyRoute {
  return { ...def, path, operationId, summary: `${def.summary} (the seed's code path; same as ${def.path})` };
}

export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** A route's path as a regex: one optional trailing slash; `i` matches as Express's router does (case-insensitively). */
function pathRegex(def: AnyRoute, flags: string): RegExp {
  return new RegExp(`^${expressPath(def.path).replace(/[.]/g, '\\.').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`, flags);
}

/** Matches the requests of the given routes (method and path). */
function routeMatcher(routes: AnyRoute[]): (req: Request) => boolean {
  const table = routes.map((r) => ({
    method: r.method.toUpperCase(),
    regex: pathRegex(r, ''),
  }));
  return (req) => table.some((r) => r.method === req.method && r.regex.test(req.path));
}

/** Matches the requests of the routes that read their own body (the JSON parser skips them). */
export function rawBodyMatcher(routes: AnyRoute[]): (req: Request) => boolean {
  return routeMatcher(routes.filter((r) => r.rawBody));
}

/** The routes with their own JSON body limit, by limit: each limit's requests are parsed with it (and only with it). */
export function bodyLimitMatchers(routes: AnyRoute[]): Map<string, (req: Request) => boolean> {
  const limits = new Set(routes.flatMap((r) => (r.bodyLimit ? [r.bodyLimit] : [])));
  return new Map([...limits].map((limit) => [limit, routeMatcher(routes.filter((r) => r.bodyLimit === limit))]));
}

/** A raw-body route read its request to the end: the connection may be kept alive again. */
export function bodyConsumed(res: Response): void {
  if (!res.headersSent && res.getHeader('Connection') === 'close') res.removeHeader('Connection');
}

export function openApiPath(expressRoutePath: string): string {
  return expressRoutePath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export interface RouteMiddleware {
  authenticate: RequestHandler;
  /** Like authenticate, but a request without an Authorization header passes as anonymous. */
  authenticateOptional: RequestHandler;
  roleGuard: (roles: readonly Role[]) => RequestHandler;
  strictLimits: Record<StrictLimitName, RequestHandler>;
  idempotency: IdempotencyStore;
  edgeCache: EdgeCache;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A cacheable answer with its strong ETag, or 304 without a body when the client's `If-None-Match` already
 * names these bytes (`vary`: set here, not only by the compressor, as a 304 carries the Vary of its 200).
 */
export function sendCacheable(
  req: Request,
  res: Response,
  answer: {
    body: Buffer | string;
    etag?: string;
    contentType?: string;
    cacheControl: string;
    vary?: string;
    status?: number;
    /** The same body already compressed for this request's Accept-Encoding (the compressor then leaves it as it is). */
    encoded?: { coding: ContentCoding; body: Buffer };
  },
): void {
  const etag = answer.etag ?? strongEtag(answer.body);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', answer.cacheControl);
  // Appended: CORS's `Vary: Origin` (set earlier when origins are configured) must survive.
  if (answer.vary) res.vary(answer.vary);
  if (noneMatch(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', answer.contentType ?? JSON_TYPE);
  // Set before the headers go: the compressor's hook weakens the ETag of an encoded body, as for one it compressed.
  if (answer.encoded) res.setHeader('Content-Encoding', answer.encoded.coding);
  const body = answer.encoded?.body ?? answer.body;
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.status(answer.status ?? 200).end(body);
}

/**
 * A public answer (hinted by its service): revalidated on every use (`no-cache`: a shared cache asks again, so
 * an unpublished course is never served from a CDN), shared only when nobody signed in.
 */
function sendPublic(req: Request, res: Response, def: AnyRoute, caller: Caller | undefined, answer: EdgeBody, edgeCache: EdgeCache): void {
  // A HEAD is answered as the compressor answers it (not encoded); a small body is not worth encoding.
  const coding = req.method === 'GET' && answer.body.length >= COMPRESSION_THRESHOLD_BYTES ? preferredCoding(req.headers['accept-encoding']) : undefined;
  const encodedBody = coding && edgeCache.encoded(answer, coding);
  sendCacheable(req, res, {
    body: answer.body,
    etag: answer.etag,
    encoded: coding && encodedBody ? { coding, body: encodedBody } : undefined,
    cacheControl: caller ? 'private, no-cache' : 'public, no-cache',
    vary: def.access === 'optional' ? 'Authorization, Accept-Encoding' : 'Accept-Encoding',
  });
}

/**
 * Express tries its route layers in order, a path match each: a read near the end of ~140 routes paid for every one
 * before it. A GET of a path without parameters is found here by one Map lookup of the path as the router would match
 * it (case-insensitive, one optional trailing slash) — only for a route no earlier GET route would match, so the
 * route Express would pick is the one found. Anything else (HEAD, OPTIONS, other methods, paths with parameters)
 * goes on to the route layers, mounted after this one as before.
 */
function staticGets(routes: AnyRoute[], handlers: RequestHandler[]): RequestHandler {
  const byPath = new Map<string, RequestHandler>();
  routes.forEach((def, i) => {
    const path = expressPath(def.path).toLowerCase();
    if (def.method !== 'get' || path.includes(':')) return;
    const shadowed = routes.slice(0, i).some((earlier) => earlier.method === 'get' && pathRegex(earlier, 'i').test(path));
    if (!shadowed) byPath.set(path, handlers[i]);
  });
  return (req, res, next) => {
    if (req.method !== 'GET') {
      next();
      return;
    }
    let path = req.path.toLowerCase();
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const handle = byPath.get(path);
    if (!handle) {
      next();
      return;
    }
    req.params = {};
    handle(req, res, next);
  };
}

/** Guards first (401/403 before anything about the input is revealed), then limits, then validation. */
export function mountRoutes(app: Express, routes: AnyRoute[], mw: RouteMiddleware): void {
  const handlers: RequestHandler[] = [];
  for (const def of routes) {
    const chain: RequestHandler[] = [];
    if (def.rawBody) {
      chain.push((_req, res, next) => {
        res.setHeader('Connection', 'close');
        next();
      });
    }
    if (def.access === 'optional') chain.push(mw.authenticateOptional);
    else if (def.access !== 'public') chain.push(mw.authenticate);
    if (Array.isArray(def.access)) chain.push(mw.roleGuard(def.access));
    if (def.strictLimit) chain.push(mw.strictLimits[def.strictLimit]);
    chain.push(async (req, res) => {
      const params = def.params ? parsePart('path', def.params, { ...req.params }) : {};
      const query = def.query ? parsePart('query', def.query, { ...req.query }) : {};
      const caller = res.locals.caller as Caller | undefined;
      const edgeKey = def.edgeCache && mw.edgeCache.enabled ? def.edgeCache({ query, params, caller }) : undefined;
      const cacheKey = edgeKey === undefined ? undefined : `${def.operationId} ${edgeKey}`;
      if (cacheKey !== undefined) {
        const hit = await mw.edgeCache.lookup(cacheKey);
        if (hit) {
          sendPublic(req, res, def, caller, hit, mw.edgeCache);
          return;
        }
      }
      let body: unknown = undefined;
      if (def.body) {
        const raw = req.body === undefined && def.bodyRequired === false ? {} : req.body;
        body = parsePart('body', def.body, raw);
      }
      let idem: IdempotencyStart = { kind: 'none' };
      if (def.idempotent) {
        const scope = caller ? `user:${caller.userId}` : `ip:${res.locals.clientIp as string}`;
        idem = await mw.idempotency.start(req.get(IDEMPOTENCY_HEADER), scope, `${def.method} ${def.path}`, body);
        if (idem.kind === 'replay') {
          res.setHeader('Idempotent-Replayed', 'true');
          res.setHeader('Cache-Control', 'no-store');
          res.status(idem.status).json(idem.body);
          return;
        }
      }
      let result: unknown;
      let answer: { status: SuccessStatus; schema?: ZodTypeAny } = def.success;
      const answerAs = (status: SuccessStatus) => {
        answer = def.alsoSuccess?.find((alt) => alt.status === status) ?? { ...def.success, status };
      };
      let hint: CacheHint | undefined;
      const onCacheHint = (h: CacheHint) => {
        hint = h;
      };
      try {
        result = await def.handle({ body, query, params, caller, req, res, answerAs, onCacheHint });
        // proto3 answers → the public contract (nulls for absent values), once for every route.
        if (!res.headersSent) result = toPublic(answer.schema, result);
      } catch (err) {
        if (idem.kind === 'new') await idem.abandon();
        throw err;
      }
      if (idem.kind === 'new') await idem.complete(answer.status, result);
      if (res.headersSent) return;
      if (def.edgeCache && answer.status === 200) {
        if (hint) {
          const body = Buffer.from(JSON.stringify(result));
          const edge = { body, etag: strongEtag(body) };
          if (cacheKey !== undefined) mw.edgeCache.store(cacheKey, edge, hint);
          sendPublic(req, res, def, caller, edge, mw.edgeCache);
          return;
        }
      }
      // What an optional route returns depends on who asks: shared caches must key on the token.
      if (def.access === 'optional') res.vary('Authorization');
      // An edge-cacheable route's unhinted answer (a draft, a widened list, one computed while a dependency was
      // degraded) is for this caller only.
      if (def.edgeCache) res.setHeader('Cache-Control', 'private, no-store');
      else if (def.success.cacheSeconds && !caller) {
        // A public document (openapi.json, JWKS): an ETag lets clients revalidate it for a 304.
        sendCacheable(req, res, { body: JSON.stringify(result), cacheControl: `public, max-age=${def.success.cacheSeconds}`, status: answer.status });
        return;
      } else if (def.method !== 'get' || caller) res.setHeader('Cache-Control', 'no-store');
      if (answer.status === 204) {
        res.status(204).end();
        return;
      }
      res.status(answer.status).json(result);
    });
    handlers.push(series(chain));
  }
  app.use(staticGets(routes, handlers));
  routes.forEach((def, i) => app[def.method](expressPath(def.path), handlers[i]));
}
