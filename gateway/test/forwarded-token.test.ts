import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { AppError } from '@lms/kit';
import type { Caller, TokenVerifier } from '@lms/kit/auth';
import { outgoingMetadata } from '@lms/kit/grpc';
import { testLogger } from '@lms/kit/testing';
import { errorHandler } from '../src/errors/http-errors';
import { authenticate, authenticateOptional, roleGuard } from '../src/middleware/authenticate';
import type { IdempotencyStore } from '../src/middleware/idempotency';
import { requestContext, requestId } from '../src/middleware/request-context';
import { mountRoutes, route, type Access } from '../src/routes/route';
import { Api } from './support/http';

/**
 * Review A12: the token reaches the async context (and so the metadata every gRPC call sends) only once
 * `authenticate()` verified it. Each route below answers what the kit's gRPC client would send as
 * `authorization` if its handler called a backend without passing `{ authorization: '' }`.
 */
describe('Only a verified token is forwarded to services', () => {
  const caller: Caller = { userId: 'u1', role: 'student', sessionId: 's1', tokenId: 't1', issuedAt: 0, expiresAt: 0 };
  const verifier = {
    verify: async (header: string | undefined) => {
      if (header === 'Bearer good-token') return caller;
      throw new AppError('unauthenticated', 'Invalid token', { code: 'AUTH.TOKEN_INVALID' });
    },
  } as unknown as TokenVerifier;
  let server: http.Server;
  let api: Api;

  beforeAll(async () => {
    const app = express();
    app.use(requestId(), requestContext());
    const forwarded = (path: string, access: Access) =>
      route({
        method: 'get',
        path,
        operationId: path,
        summary: path,
        tags: [],
        access,
        success: { status: 200, description: 'what would be forwarded' },
        handle: async () => {
          await new Promise((r) => setTimeout(r, 5)); // across an await, as a real handler
          return { forwarded: outgoingMetadata().get('authorization')[0] ?? null };
        },
      });
    mountRoutes(app, [forwarded('/public', 'public'), forwarded('/optional', 'optional'), forwarded('/private', 'authenticated')], {
      authenticate: authenticate(verifier),
      authenticateOptional: authenticateOptional(verifier),
      roleGuard,
      strictLimits: {} as never,
      idempotency: {} as IdempotencyStore,
    });
    app.use(errorHandler(testLogger('gateway')));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('When a client sends a garbage or even a valid token to a public route, then its handler forwards no token', async () => {
    for (const authorization of ['Bearer garbage.token.here', 'Basic YWRtaW46YWRtaW4=', 'Bearer good-token']) {
      const res = await api.get('/public', { headers: { authorization } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ forwarded: null });
    }
  });

  test('When the token verifies, then authenticated and optional routes forward exactly it; a bad one never reaches a handler', async () => {
    expect((await api.get('/private', { token: 'good-token' })).body).toEqual({ forwarded: 'Bearer good-token' });
    expect((await api.get('/optional', { token: 'good-token' })).body).toEqual({ forwarded: 'Bearer good-token' });
    expect((await api.get('/optional')).body).toEqual({ forwarded: null });
    expect((await api.get('/private', { token: 'garbage' })).status).toBe(401);
    expect((await api.get('/optional', { token: 'garbage' })).status).toBe(401);
  });
});
