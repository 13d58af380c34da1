import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { testEnv, testLogger } from '@lms/kit/testing';
import { buildApp } from '../src/app';
import { createAuthClient } from '../src/clients/auth.client';
import { createCatalogClient } from '@lms/kit/clients';
import { loadGatewayConfig } from '../src/config';
import { openApiPath } from '../src/routes/route';
import { uniquePrefix } from './support/gateway';
import { Api } from './support/http';

/** Every (method, path) Express actually serves, read from the router itself. */
function expressRouteTable(app: ReturnType<typeof buildApp>['app']): { method: string; path: string }[] {
  const router = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  return router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((method) => ({ method, path: openApiPath(layer.route!.path) })),
    );
}

describe('OpenAPI document and docs page', () => {
  const redis = new Redis(testEnv.redisUrl, { lazyConnect: true });
  // Auth is not needed for the document: point the client at a closed port.
  const auth = createAuthClient('127.0.0.1:1', 500);
  const catalog = createCatalogClient('127.0.0.1:1', 500);
  const config = loadGatewayConfig({ REDIS_KEY_PREFIX: uniquePrefix('openapi'), LOG_LEVEL: 'silent' });
  const built = buildApp({ config, logger: testLogger('gateway'), auth, catalog, redis });
  const server = http.createServer(built.app);
  let api: Api;
  let doc: any;

  beforeAll(async () => {
    await redis.connect();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const res = await api.get('/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    auth.close();
    catalog.close();
    await redis.quit();
  });

  test('When /openapi.json is fetched, then it is an OpenAPI 3.1 document with info, paths and components', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(15);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(Object.keys(doc.components.headers)).toEqual(
      expect.arrayContaining(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After']),
    );
    expect(doc.components.schemas.Error.required).toEqual(expect.arrayContaining(['detail', 'code', 'request_id']));
  });

  test('When the Express router is listed, then every route it serves appears in the document with its method', () => {
    const table = expressRouteTable(built.app);
    expect(table.length).toBe(built.routes.length);
    const missing = table.filter(({ method, path }) => !doc.paths[path]?.[method]);
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(table.map((r) => `${r.method} ${r.path}`).sort());
  });

  test('When the API.md Auth and Users routes are looked up, then each is documented', () => {
    const expected = [
      'post /api/v1/auth/register',
      'post /api/v1/auth/login',
      'post /api/v1/auth/refresh',
      'post /api/v1/auth/logout',
      'post /api/v1/auth/logout-all',
      'get /api/v1/auth/sessions',
      'get /api/v1/auth/me',
      'put /api/v1/auth/me',
      'post /api/v1/auth/change-password',
      'post /api/v1/auth/password-reset/request',
      'post /api/v1/auth/password-reset/confirm',
      'post /api/v1/auth/verify-email',
      'post /api/v1/auth/verify-email/request',
      'get /api/v1/users',
      'post /api/v1/users',
      'get /api/v1/users/{user_id}',
      'put /api/v1/users/{user_id}',
      'delete /api/v1/users/{user_id}',
      'post /api/v1/users/{user_id}/activate',
      'post /api/v1/users/{user_id}/deactivate',
      'get /api/v1/users/{user_id}/stats',
      'get /healthz',
      'get /readyz',
      'get /.well-known/jwks.json',
      'get /openapi.json',
      'get /docs',
    ];
    for (const entry of expected) {
      const [method, path] = entry.split(' ');
      expect([entry, Boolean(doc.paths[path]?.[method])]).toEqual([entry, true]);
    }
  });

  test('When an operation is documented, then it has its request schemas, security, error responses and rate-limit headers', () => {
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(login.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/LoginRequest');
    expect(doc.components.schemas.LoginRequest.additionalProperties).toBe(false);
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '422', '429']));
    expect(login.responses['200'].headers['X-RateLimit-Remaining']).toBeDefined();

    const updateUser = doc.paths['/api/v1/users/{user_id}'].put;
    expect(updateUser.security).toEqual([{ bearerAuth: [] }]);
    expect(updateUser.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'user_id', in: 'path', required: true })]),
    );
    expect(Object.keys(updateUser.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '422', '429']));
    expect(doc.components.responses.Unauthorized.content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.components.responses.RateLimited.headers['Retry-After']).toBeDefined();

    const list = doc.paths['/api/v1/users'].get;
    const names = list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(names).toEqual(expect.arrayContaining(['query:page', 'query:page_size', 'query:role', 'query:is_active', 'query:search']));
    const pageSize = list.parameters.find((p: { name: string }) => p.name === 'page_size');
    expect(pageSize.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });

    expect(doc.paths['/api/v1/auth/register'].post.responses['201']).toBeDefined();
    expect(doc.paths['/api/v1/users/{user_id}'].delete.responses['204']).toBeDefined();
    expect(doc.paths['/api/v1/auth/password-reset/request'].post.responses['202']).toBeDefined();
  });

  test('When /docs is opened, then Swagger UI is served from this host (no CDN) with a CSP allowing only its own script', async () => {
    const page = await api.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain("url: '/openapi.json'");
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js', '/docs/swagger-ui.css']) {
      const res = await fetch(api.base + asset);
      expect([asset, res.status]).toEqual([asset, 200]);
      await res.arrayBuffer();
    }
    // The dist's own petstore initializer and other files are not exposed.
    expect((await api.get('/docs/swagger-initializer.js')).status).toBe(404);
    expect((await api.get('/docs/package.json')).status).toBe(404);
  });
});
