import type { JwksCache } from '../clients/auth.client';
import { DOCS_CSP, DOCS_HTML, REDOC_CSP, REDOC_HTML } from '../openapi/docs';
import { HealthSchema, JwksSchema, ReadinessSchema, RootSchema, SeedHealthSchema } from '../openapi/schemas';
import { z } from '../openapi/zod';
import { requestIdOf } from '../errors/http-errors';
import { route, type AnyRoute } from './route';

const tags = ['System'];

export interface SystemDeps {
  jwks: JwksCache;
  /** The OpenAPI document, built once from every route declaration. */
  openApiDocument: () => unknown;
  /** True while shutting down: readiness goes red so load balancers stop sending traffic. */
  isDraining: () => boolean;
  /** The public API's version (also the OpenAPI document's `info.version`). */
  apiVersion: string;
}

export function systemRoutes(deps: SystemDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/',
      operationId: 'root',
      summary: "The API's name and version (the seed's `GET /`)",
      tags,
      access: 'public',
      success: { status: 200, description: 'Name and version', schema: RootSchema, cacheSeconds: 60 },
      handle: () => ({ message: 'LMS API', version: deps.apiVersion, docs: '/docs', openapi: '/openapi.json' }),
    }),
    route({
      method: 'get',
      path: '/health',
      operationId: 'health',
      summary: "Liveness in the seed's shape: `{\"status\": \"healthy\"}` (same check as /healthz)",
      tags,
      access: 'public',
      success: { status: 200, description: 'Alive', schema: SeedHealthSchema },
      handle: ({ res }) => {
        res.setHeader('Cache-Control', 'no-store');
        return { status: 'healthy' };
      },
    }),
    route({
      method: 'get',
      path: '/healthz',
      operationId: 'healthz',
      summary: 'Liveness: the process is up',
      tags,
      access: 'public',
      success: { status: 200, description: 'Alive', schema: HealthSchema },
      handle: ({ res }) => {
        res.setHeader('Cache-Control', 'no-store');
        return { status: 'ok' };
      },
    }),
    route({
      method: 'get',
      path: '/readyz',
      operationId: 'readyz',
      summary: 'Readiness: this gateway process can serve (503 only while it shuts down)',
      description:
        'Depends on no backend and not on Redis: a dependency that is down is down for every replica, so ' +
        'readiness would take the whole API out of the load balancer. Routes that need a missing dependency ' +
        'answer 503 with `Retry-After` themselves; dependency health is logged and served on the internal port.',
      tags,
      access: 'public',
      success: { status: 200, description: 'Ready', schema: ReadinessSchema },
      errors: [503],
      handle: ({ res }) => {
        res.setHeader('Cache-Control', 'no-store');
        if (!deps.isDraining()) return { status: 'ready', checks: { process: { ok: true } } };
        res.setHeader('Retry-After', '5');
        res.status(503).json({
          detail: 'Not ready: shutting down',
          code: 'NOT_READY',
          request_id: requestIdOf(res),
          status: 'not_ready',
          checks: { process: { ok: false } },
        });
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/.well-known/jwks.json',
      operationId: 'jwks',
      summary: "Auth's public signing keys (JWKS), to verify access tokens",
      tags,
      access: 'public',
      success: { status: 200, description: 'The key set', schema: JwksSchema, cacheSeconds: 300 },
      errors: [503],
      handle: () => deps.jwks.get(),
    }),
    route({
      method: 'get',
      path: '/openapi.json',
      operationId: 'openapi',
      summary: 'This document (OpenAPI 3.1)',
      tags,
      access: 'public',
      success: { status: 200, description: 'OpenAPI 3.1 document', schema: z.object({}).passthrough(), cacheSeconds: 60 },
      handle: () => deps.openApiDocument(),
    }),
    route({
      method: 'get',
      path: '/docs',
      operationId: 'docs',
      summary: 'Interactive API documentation (Swagger UI)',
      tags,
      access: 'public',
      success: { status: 200, description: 'HTML page', schema: z.string(), contentType: 'text/html' },
      handle: ({ res }) => {
        res.setHeader('Content-Security-Policy', DOCS_CSP);
        res.setHeader('Cache-Control', 'public, max-age=300');
        res.status(200).type('html').send(DOCS_HTML);
      },
    }),
    route({
      method: 'get',
      path: '/redoc',
      operationId: 'redoc',
      summary: 'API documentation (ReDoc)',
      tags,
      access: 'public',
      success: { status: 200, description: 'HTML page', schema: z.string(), contentType: 'text/html' },
      handle: ({ res }) => {
        res.setHeader('Content-Security-Policy', REDOC_CSP);
        res.setHeader('Cache-Control', 'public, max-age=300');
        res.status(200).type('html').send(REDOC_HTML);
      },
    }),
  ];
}
