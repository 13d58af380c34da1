import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose';
import { GCRA_LUA } from '../../gateway/src/middleware/rate-limit';
import { securityHeaders } from '../../gateway/src/middleware/security-headers';
import { strongEtag } from '../../gateway/src/presentation/edge-cache';

/**
 * The list floor (issue 16's floor for the course list's p99 goal): an authenticated, cached course list as the
 * architecture requires it, on the gateway's own libraries and with nothing else — the "bare node http" floor with
 * the work a hit cannot skip put back, each piece written the cheapest way:
 *
 *   Express 5 (the gateway's framework, its router and query parser) → a request id (`randomUUID`, echoed) → helmet's
 *   headers (the gateway's precomputed copy) → the general rate limit: the gateway's GCRA script in Redis (ioredis,
 *   auto-pipelined: one write per turn of the loop, as the gateway batches), X-RateLimit-* → the bearer token: EdDSA
 *   (jose) verified once per token and remembered, then per request its expiry and a revocation lookup in memory →
 *   `page_size` checked by hand → the page's bytes (kept encoded, as the edge cache keeps them) with ETag,
 *   Cache-Control, Vary and a 304 for a matching If-None-Match.
 *
 * Not in it: the kit's request context (AsyncLocalStorage), access log, metrics, X-Process-Time, the compression
 * negotiation, zod, the edge cache's validators, gRPC. What the gateway spends above this floor is its own code.
 * The token is the floor's own (its own key pair; same claims as auth's), so no JWKS round trip is needed.
 */
export interface ListFloor {
  url: string;
  /** `Bearer <token>` for the floor's own key. */
  authorization: string;
  close(): Promise<void>;
}

const ISSUER = 'list-floor';
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * `expressOnly`: Express answering the page and nothing else (no request id, headers, limit or token) — the framework's
 * own share of the floor, between the bare server and the whole floor.
 */
export async function startListFloor(
  page: unknown,
  options: { redisUrl: string; keyPrefix: string; limitPerMinute: number; expressOnly?: boolean },
): Promise<ListFloor> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
  const jwk: JWK = await exportJWK(publicKey);
  const verifyKey = await importJWK(jwk, 'EdDSA');
  const token = await new SignJWT({ role: 'student', sid: randomUUID() })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(randomUUID())
    .setIssuer(ISSUER)
    .setAudience(ISSUER)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);

  const redis = new Redis(options.redisUrl, { enableAutoPipelining: true, lazyConnect: true });
  await redis.connect();
  redis.defineCommand('floorGcra', { numberOfKeys: 1, lua: GCRA_LUA });
  const gcra = (key: string) => (redis as unknown as { floorGcra(k: string, l: number, p: number): Promise<[number, number, number, number]> }).floorGcra(key, options.limitPerMinute, 60_000);

  const verified = new Map<string, { exp: number; sid: string }>();
  const revokedSessions = new Set<string>();
  const body = Buffer.from(JSON.stringify(page));
  const etag = strongEtag(body);
  const helmetHeaders = securityHeaders();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.expressOnly) {
    app.get('/api/v1/courses', (_req, res) => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.status(200).end(body);
    });
  }
  app.get('/api/v1/courses', (req, res, next) => {
    res.setHeader('X-Request-Id', randomUUID());
    helmetHeaders(req, res, () => undefined);
    gcra(`${options.keyPrefix}rl:general:${req.socket.remoteAddress ?? 'unknown'}`)
      .then(async ([allowed, remaining, resetMs]) => {
        res.setHeader('X-RateLimit-Limit', String(options.limitPerMinute));
        res.setHeader('X-RateLimit-Remaining', String(Math.max(0, remaining)));
        res.setHeader('X-RateLimit-Reset', String(Math.ceil(resetMs / 1000)));
        if (allowed !== 1) return void res.status(429).end();
        const header = req.headers.authorization ?? '';
        let claims = verified.get(header);
        if (!claims) {
          const raw = BEARER.exec(header)?.[1];
          if (!raw) return void res.status(401).end();
          const { payload } = await jwtVerify(raw, verifyKey, { issuer: ISSUER, audience: ISSUER, algorithms: ['EdDSA'], requiredClaims: ['sub', 'exp', 'iat', 'jti'] });
          claims = { exp: payload.exp!, sid: String(payload.sid) };
          verified.set(header, claims);
        }
        if (claims.exp * 1000 <= Date.now() || revokedSessions.has(claims.sid)) return void res.status(401).end();
        const size = Number(req.query.page_size ?? 20);
        if (!Number.isInteger(size) || size < 1 || size > 100) return void res.status(422).end();
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', 'private, no-cache');
        res.setHeader('Vary', 'Accept-Encoding');
        if (req.headers['if-none-match'] === etag) return void res.status(304).end();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Length', body.length);
        res.status(200).end(body);
      })
      .catch(next);
  });

  const server = app.listen(0, '127.0.0.1');
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/courses?page_size=20`,
    authorization: `Bearer ${token}`,
    // Once, however often asked (after its phase, and again by the bench's cleanup when a phase failed).
    close: () =>
      (closed ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }).then(() => redis.disconnect())), // its keys are under the run's prefix, which the bench drops
  };
}
