import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { AppError, currentContext } from '@lms/kit';
import { testEnv } from '@lms/kit/testing';
import { buildApp } from '../src/app';
import { createAuthClient } from '../src/clients/auth.client';
import { createCatalogClient } from '@lms/kit/clients';
import { loadGatewayConfig } from '../src/config';
import { errorHandler } from '../src/errors/http-errors';
import { requestId } from '../src/middleware/request-context';
import { uniquePrefix } from './support/gateway';
import { Api } from './support/http';

/** Serves a gateway app built from real deps (auth on a closed port: these tests never reach it). */
async function serve(env: Record<string, string>, logLines?: string[], level = 'info') {
  const redis = new Redis(testEnv.redisUrl, { lazyConnect: true });
  await redis.connect();
  const auth = createAuthClient('127.0.0.1:1', 300);
  const catalog = createCatalogClient('127.0.0.1:1', 300);
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines?.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  // The kit logger's mixin, writing to a sink we can read: proves the context reaches the access log.
  const logger = pino(
    {
      level,
      base: { service: 'gateway' },
      mixin: () => {
        const ctx = currentContext();
        return ctx ? { request_id: ctx.requestId, trace_id: ctx.traceId } : {};
      },
    },
    sink,
  );
  const config = loadGatewayConfig({ REDIS_KEY_PREFIX: uniquePrefix('surface'), RATE_LIMIT_GENERAL_PER_MIN: '100000', ...env });
  const { app } = buildApp({ config, logger, auth, catalog, redis });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    api: new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    async close() {
      await new Promise((r) => server.close(r));
      auth.close();
      catalog.close();
      await redis.quit();
    },
  };
}

describe('HTTP surface: CORS, security headers, access log', () => {
  test('When no CORS origins are configured, then no CORS headers are sent (same-origin only)', async () => {
    const gw = await serve({});
    try {
      const res = await gw.api.call('OPTIONS', '/api/v1/auth/login', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const get = await gw.api.get('/healthz', { headers: { origin: 'https://evil.example' } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await gw.close();
    }
  });

  test('When an allowed origin sends a preflight, then it is answered and the rate-limit headers are exposed; others get nothing', async () => {
    const gw = await serve({ CORS_ORIGINS: 'https://app.example, https://admin.example' });
    try {
      const ok = await gw.api.call('OPTIONS', '/api/v1/auth/login', {
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      const get = await gw.api.get('/healthz', { headers: { origin: 'https://admin.example' } });
      expect(get.headers.get('access-control-allow-origin')).toBe('https://admin.example');
      expect(get.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining/);
      const evil = await gw.api.get('/healthz', { headers: { origin: 'https://evil.example' } });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await gw.close();
    }
  });

  test('When any response is sent, then helmet security headers are set and Express is not advertised', async () => {
    const gw = await serve({});
    try {
      const res = await gw.api.get('/healthz');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
    } finally {
      await gw.close();
    }
  });

  test('When requests are served, then one JSON access-log line each: method, path, status, ms, request id — never a token or body', async () => {
    const lines: string[] = [];
    const gw = await serve({}, lines);
    try {
      const secret = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2VjcmV0LXNpZw';
      await gw.api.get('/api/v1/auth/me?x=1', { token: secret, headers: { 'X-Request-Id': 'log-test-1' } });
      await gw.api.post('/api/v1/auth/login', { email: 'log@example.com', password: 'Sup3r-secret!' }, { headers: { 'X-Request-Id': 'log-test-2' } });
      await new Promise((r) => setTimeout(r, 50));
      const access = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      const first = access.find((l) => l.request_id === 'log-test-1');
      // (auth is unreachable here, so the token cannot be checked: 503)
      expect(first).toMatchObject({ method: 'GET', path: '/api/v1/auth/me', status: 503, service: 'gateway' });
      expect(typeof first.ms).toBe('number');
      expect(first.trace_id).toMatch(/^[0-9a-f]{32}$/);
      expect(access.filter((l) => l.request_id === 'log-test-1')).toHaveLength(1);
      expect(access.find((l) => l.request_id === 'log-test-2')).toMatchObject({ method: 'POST', path: '/api/v1/auth/login' });
      const all = lines.join('\n');
      expect(all).not.toContain(secret);
      expect(all).not.toContain('Sup3r-secret!');
      expect(all).not.toContain('log@example.com');
    } finally {
      await gw.close();
    }
  });

  test('When the log level is warn, then only 5xx answers get an access-log line (at warn)', async () => {
    const lines: string[] = [];
    const gw = await serve({}, lines, 'warn');
    try {
      // auth is unreachable: the token cannot be checked (503); a 404 and a 200 are info lines, filtered out.
      await gw.api.get('/api/v1/auth/me', { token: 'a.b.c', headers: { 'X-Request-Id': 'warn-503' } });
      await gw.api.get('/api/v1/nothing-here', { headers: { 'X-Request-Id': 'warn-404' } });
      await gw.api.get('/healthz', { headers: { 'X-Request-Id': 'warn-200' } });
      await new Promise((r) => setTimeout(r, 50));
      const access = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({ level: 40, request_id: 'warn-503', method: 'GET', path: '/api/v1/auth/me', status: 503 });
      expect(typeof access[0].ms).toBe('number');
    } finally {
      await gw.close();
    }
  });

  test('When a handler fails unexpectedly, then 500 with a generic detail, and the cause is logged exactly once', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = express();
    app.use(requestId());
    app.get('/boom', () => {
      throw new Error('connection to db-internal-7 refused');
    });
    app.get('/downstream', () => {
      throw new AppError('internal', 'stack trace from auth', { code: 'INTERNAL' });
    });
    app.use(errorHandler(pino({ level: 'info' }, sink)));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      for (const path of ['/boom', '/downstream']) {
        const res = await api.get(path);
        expect(res.status).toBe(500);
        expect(res.body).toEqual({ detail: 'Internal server error', code: 'INTERNAL', request_id: res.headers.get('x-request-id') });
      }
      const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 50);
      expect(errors).toHaveLength(2);
      expect(errors[0].err.message).toBe('connection to db-internal-7 refused');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("The seed's service routes: GET /, GET /health, GET /redoc", () => {
  test('When a client asks the root, health and ReDoc, then it gets the seed documented answers and a working page', async () => {
    const gw = await serve({});
    try {
      const root = await gw.api.get('/');
      expect(root.status).toBe(200);
      expect(root.body).toMatchObject({ message: 'LMS API', version: '1.0.0' });

      const health = await gw.api.get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'healthy' });

      const page = await gw.api.get('/redoc');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('<redoc spec-url="/openapi.json">');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      // The bundle the page loads is served locally (no CDN) and is ReDoc's.
      const bundle = await gw.api.get('/redoc/redoc.standalone.js');
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('content-type')).toContain('javascript');
      expect(bundle.text.length).toBeGreaterThan(100_000);
      expect((await gw.api.get('/redoc/package.json')).status).toBe(404);
    } finally {
      await gw.close();
    }
  });
});
