import type { Express, Request, RequestHandler, Response } from 'express';
import type { ZodTypeAny, z } from 'zod';
import type { Caller, Role } from '@lms/kit/auth';
import { IDEMPOTENCY_HEADER, type IdempotencyStart, type IdempotencyStore } from '../middleware/idempotency';
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

/** Matches the requests of the given routes (method and path). */
function routeMatcher(routes: AnyRoute[]): (req: Request) => boolean {
  const table = routes.map((r) => ({
    method: r.method.toUpperCase(),
    regex: new RegExp(`^${expressPath(r.path).replace(/[.]/g, '\\.').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`),
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
}

/** Guards first (401/403 before anything about the input is revealed), then limits, then validation. */
export function mountRoutes(app: Express, routes: AnyRoute[], mw: RouteMiddleware): void {
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
      let body: unknown = undefined;
      if (def.body) {
        const raw = req.body === undefined && def.bodyRequired === false ? {} : req.body;
        body = parsePart('body', def.body, raw);
      }
      const caller = res.locals.caller as Caller | undefined;
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
      try {
        result = await def.handle({ body, query, params, caller, req, res, answerAs });
        // proto3 answers → the public contract (nulls for absent values), once for every route.
        if (!res.headersSent) result = toPublic(answer.schema, result);
      } catch (err) {
        if (idem.kind === 'new') await idem.abandon();
        throw err;
      }
      if (idem.kind === 'new') await idem.complete(answer.status, result);
      if (res.headersSent) return;
      // What an optional route returns depends on who asks: shared caches must key on the token.
      if (def.access === 'optional') res.setHeader('Vary', 'Authorization');
      if (def.success.cacheSeconds && !caller) res.setHeader('Cache-Control', `public, max-age=${def.success.cacheSeconds}`);
      else if (def.method !== 'get' || caller) res.setHeader('Cache-Control', 'no-store');
      if (answer.status === 204) {
        res.status(204).end();
        return;
      }
      res.status(answer.status).json(result);
    });
    app[def.method](expressPath(def.path), ...chain);
  }
}
