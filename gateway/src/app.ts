import cors from 'cors';
import express, { type Express, type Request, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from '@lms/kit';
import type { HttpMetrics } from '@lms/kit/metrics';
import { verifierFromConfig } from '@lms/kit/auth';
import { JwksCache, type AuthClient } from './clients/auth.client';
import {
  createAnalyticsClient,
  createCertificateClient,
  createEnrollmentClient,
  createMediaClient,
  createQuizClient,
  type AnalyticsClient,
  type CatalogClient,
  type CertificateClient,
  type EnrollmentClient,
  type MediaClient,
  type QuizClient,
} from '@lms/kit/clients';
import type { GatewayConfig } from './config';
import { HttpError, errorHandler } from './errors/http-errors';
import { authenticate, authenticateOptional, roleGuard } from './middleware/authenticate';
import { IdempotencyStore } from './middleware/idempotency';
import { processTime, responseCompression } from './middleware/compression';
import { jsonBody } from './middleware/json-body';
import { httpMetrics } from './middleware/metrics';
import { RateLimiter, byBodyEmail, byCaller, byIp, generalRateLimit, strictRateLimit } from './middleware/rate-limit';
import { accessLog, requestContext, requestId } from './middleware/request-context';
import { securityHeaders } from './middleware/security-headers';
import { series } from './middleware/series';
import { buildOpenApiDocument } from './openapi/document';
import { EdgeCache } from './presentation/edge-cache';
import { redocAssets, swaggerAssets } from './openapi/docs';
import { analyticsRoutes } from './routes/analytics.routes';
import { attemptRoutes } from './routes/attempts.routes';
import { authRoutes } from './routes/auth.routes';
import { courseRoutes } from './routes/courses.routes';
import { enrollmentRoutes } from './routes/enrollments.routes';
import { reviewRoutes } from './routes/reviews.routes';
import { poolRoutes } from './routes/pools.routes';
import { questionRoutes } from './routes/questions.routes';
import { quizRoutes } from './routes/quizzes.routes';
import { regradeRoutes } from './routes/regrades.routes';
import { fileRoutes, type MediaFiles } from './routes/files.routes';
import { certificateRoutes } from './routes/certificates.routes';
import { bodyLimitMatchers, expressPath, mountRoutes, rawBodyMatcher, type AnyRoute } from './routes/route';
import { systemRoutes } from './routes/system.routes';
import { userRoutes } from './routes/users.routes';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  auth: AuthClient;
  catalog: CatalogClient;
  /** main.ts passes (and closes) it; when absent a client to ENROLLMENT_GRPC_ADDR is made (it connects lazily). */
  enrollment?: EnrollmentClient;
  /** main.ts passes (and closes) it; when absent a client to QUIZ_GRPC_ADDR is made (it connects lazily). */
  quiz?: QuizClient;
  /** main.ts passes (and closes) it; when absent a client to ANALYTICS_GRPC_ADDR is made (it connects lazily). */
  analytics?: AnalyticsClient;
  /** main.ts passes (and closes) it; when absent a client to MEDIA_GRPC_ADDR is made (it connects lazily). */
  media?: MediaClient | MediaFiles;
  /** main.ts passes (and closes) it; when absent a client to CERTIFICATE_GRPC_ADDR is made (it connects lazily). */
  certificate?: CertificateClient;
  redis: Redis;
  isDraining?: () => boolean;
  /** Request counts and latencies by route (main.ts passes them when METRICS_ENABLED). */
  metrics?: HttpMetrics;
}

export interface BuiltApp {
  app: Express;
  routes: AnyRoute[];
  openApiDocument: () => ReturnType<typeof buildOpenApiDocument>;
}

const EXPOSED_HEADERS = ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After', 'WWW-Authenticate', 'Idempotent-Replayed', 'X-Process-Time'];

/** The Express app from injected dependencies (main.ts wires real ones; tests build their own). */
export function buildApp(deps: GatewayDeps): BuiltApp {
  const { config, logger, auth, catalog, redis } = deps;
  const enrollment = deps.enrollment ?? createEnrollmentClient(config.ENROLLMENT_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const quiz = deps.quiz ?? createQuizClient(config.QUIZ_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const analytics = deps.analytics ?? createAnalyticsClient(config.ANALYTICS_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const media = deps.media ?? createMediaClient(config.MEDIA_GRPC_ADDR, config.GRPC_DEADLINE_MS, config.MEDIA_STREAM_DEADLINE_MS);
  const certificate = deps.certificate ?? createCertificateClient(config.CERTIFICATE_GRPC_ADDR, config.GRPC_DEADLINE_MS);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', false);

  const verifier = verifierFromConfig(config, auth, redis);
  const limiter = new RateLimiter(redis, config.REDIS_KEY_PREFIX);
  const windowMs = config.RATE_LIMIT_WINDOW_MS;
  const login = config.RATE_LIMIT_LOGIN_PER_MIN;

  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  const routes: AnyRoute[] = [];
  const API_INFO = { title: 'LMS Fleet API', version: '1.0.0' };
  routes.push(
    ...authRoutes(auth, { trustedOrigins: config.CORS_ORIGINS }),
    ...userRoutes(auth, catalog, enrollment, analytics, logger),
    ...courseRoutes(catalog, enrollment, logger),
    ...enrollmentRoutes(enrollment),
    ...reviewRoutes(enrollment),
    ...quizRoutes(quiz),
    ...questionRoutes(quiz),
    ...poolRoutes(quiz),
    ...attemptRoutes(quiz),
    ...regradeRoutes(quiz),
    ...analyticsRoutes(analytics, { renderDeadlineMs: config.PDF_RENDER_DEADLINE_MS }),
    ...fileRoutes(media),
    ...certificateRoutes(certificate, { renderDeadlineMs: config.PDF_RENDER_DEADLINE_MS }),
    ...systemRoutes({
      jwks: new JwksCache(auth),
      openApiDocument: () => openApiDocument(),
      isDraining: deps.isDraining ?? (() => false),
      apiVersion: API_INFO.version,
    }),
  );
  const openApiDocument = () =>
    (document ??= buildOpenApiDocument(routes, {
      ...API_INFO,
      description:
        'The public REST API of LMS Fleet. Errors: `{"detail","code","request_id"}` (+ `errors` on 422). ' +
        'Every response carries X-RateLimit-Limit/Remaining/Reset.',
    }));

  const rawBody = rawBodyMatcher(routes);
  const ownLimits = bodyLimitMatchers(routes);
  const ownLimitMatchers = [...ownLimits.values()];
  const hasOwnLimit = (req: Request) => ownLimitMatchers.some((matches) => matches(req));
  // Steps 1–7 run on every request: one Express layer for all of them (middleware/series.ts).
  app.use(
    series([
      // 0. metrics first, so that every response is timed from the start
      ...(deps.metrics ? [httpMetrics(deps.metrics, routes)] : []),
      // 1. request id, 2. async context, 3. access log
      requestId(),
      requestContext(),
      accessLog(logger),
      // X-Process-Time (set as the headers are written), then gzip/br by Accept-Encoding — early, so that
      // errors, 404s and rate-limit refusals are timed and compressed too
      processTime(),
      responseCompression(),
      // 4. security headers, 5. CORS (none configured = same-origin only: no CORS headers at all, so no middleware)
      securityHeaders(),
      ...(config.CORS_ORIGINS.length
        ? [
            cors({
              origin: config.CORS_ORIGINS,
              methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
              // X-Requested-With + credentials: the trusted origins' pages may use the refresh cookie (its CSRF proof)
              allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key', 'traceparent', 'X-Requested-With'],
              credentials: true,
              exposedHeaders: EXPOSED_HEADERS,
              maxAge: 600,
            }),
          ]
        : []),
      // 6. general per-IP limit (everything, including health and docs)
      generalRateLimit(limiter, config.RATE_LIMIT_GENERAL_PER_MIN, windowMs, logger),
      // 7. strict JSON bodies with a size limit (not for the upload routes: they stream their own bodies; routes with
      // a limit of their own, such as certificate templates, are parsed with it)
      ...jsonBody(config.BODY_LIMIT, (req) => rawBody(req) || hasOwnLimit(req)),
      ...[...ownLimits].flatMap(([limit, matches]) => jsonBody(limit, (req) => !matches(req))),
    ]),
  );
  app.use('/docs', swaggerAssets());
  app.use('/redoc', redocAssets());
  // 8. routes (each: authenticate → role → strict limit → validate → handler)
  mountRoutes(app, routes, {
    authenticate: authenticate(verifier),
    authenticateOptional: authenticateOptional(verifier),
    roleGuard,
    idempotency: new IdempotencyStore(redis, config.REDIS_KEY_PREFIX, logger, config.IDEMPOTENCY_SECRET),
    edgeCache: new EdgeCache(redis, { maxBytes: config.EDGE_CACHE_MAX_BYTES, maxEntries: config.EDGE_CACHE_MAX_ENTRIES }, logger),
    strictLimits: {
      login: strictRateLimit(
        limiter,
        [
          { bucket: 'login:ip', limit: login, key: byIp },
          { bucket: 'login:email', limit: login, key: byBodyEmail },
        ],
        windowMs,
        'login attempts',
      ),
      register: strictRateLimit(limiter, [{ bucket: 'register:ip', limit: config.RATE_LIMIT_REGISTER_PER_MIN, key: byIp }], windowMs, 'registrations'),
      password_reset: strictRateLimit(
        limiter,
        [
          { bucket: 'reset:ip', limit: login, key: byIp },
          { bucket: 'reset:email', limit: login, key: byBodyEmail },
        ],
        windowMs,
        'password reset attempts',
      ),
      // Issue 10 A11: bulk enrolment by email must not become an address-probing tool, from any number of IPs.
      bulk_enroll: strictRateLimit(limiter, [{ bucket: 'bulk:user', limit: config.RATE_LIMIT_BULK_ENROLL_PER_MIN, key: byCaller }], windowMs, 'bulk enrolments'),
      // The seed's 10 uploads per hour per user (streamed and direct alike).
      upload: strictRateLimit(
        limiter,
        [{ bucket: 'upload:user', limit: config.RATE_LIMIT_UPLOADS_PER_HOUR, key: byCaller }],
        config.RATE_LIMIT_UPLOAD_WINDOW_MS,
        'uploads',
      ),
      // Public verification by number: per client IP, so that numbers are not looked up in bulk.
      verify: strictRateLimit(
        limiter,
        [{ bucket: 'verify:ip', limit: config.CERTIFICATE_VERIFY_PER_MINUTE, key: byIp }],
        windowMs,
        'certificate verifications',
      ),
    },
  });
  // 9. 404 / 405, 10. errors
  app.use(notFound(routes));
  app.use(errorHandler(logger));
  return { app, routes, openApiDocument };
}

/** 405 with `Allow` when the path exists under another method, else 404 — both in the standard body. */
function notFound(routes: AnyRoute[]): RequestHandler {
  const table = routes.map((r) => ({
    method: r.method.toUpperCase(),
    regex: new RegExp(`^${expressPath(r.path).replace(/[.]/g, '\\.').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`),
  }));
  return (req, _res, next) => {
    const allowed = table.filter((r) => r.regex.test(req.path)).map((r) => r.method);
    if (allowed.length) {
      const allow = [...new Set(allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
      next(new HttpError(405, 'METHOD_NOT_ALLOWED', `Method ${req.method} is not allowed here`, { Allow: allow }));
      return;
    }
    next(new HttpError(404, 'NOT_FOUND', `No route for ${req.method} ${req.path.slice(0, 200)}`));
  };
}
