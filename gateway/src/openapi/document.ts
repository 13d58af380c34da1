import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { AnyRoute } from '../routes/route';
import { ErrorSchema } from './schemas';
import { z } from './zod';

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .openapi({ description: 'Makes a retried create safe: the same key and body within 24 h replay the first response' }),
});

/** Public reads with an ETag (edge-cached catalogue reads, public documents): revalidation by `If-None-Match`. */
const ConditionalHeaders = z.object({
  'if-none-match': z
    .string()
    .optional()
    .openapi({ description: 'An ETag of an earlier answer (or `*`): while it is still current the answer is 304 without a body' }),
});

const ETAG_HEADER = { ETag: { description: 'Strong validator of the body (weak `W/` form when compressed)', schema: { type: 'string' as const } } };

type Responses = RouteConfig['responses'];

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
  'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
};

const STANDARD_ERRORS: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Malformed request (e.g. invalid JSON, code BAD_JSON)' },
  401: { name: 'Unauthorized', description: 'Missing, malformed, expired, revoked or forged bearer token' },
  403: { name: 'Forbidden', description: 'Your role does not allow this' },
  404: { name: 'NotFound', description: 'No such resource' },
  409: { name: 'Conflict', description: 'Conflicts with the current state' },
  413: { name: 'PayloadTooLarge', description: 'Request body larger than the configured limit (uploads: the file size limit or the storage quota)' },
  415: { name: 'UnsupportedMediaType', description: 'Request body is not JSON (uploads: a file type not allowed, or content that is not what its name says)' },
  416: { name: 'RangeNotSatisfiable', description: 'The requested byte range lies outside the file (`Content-Range: bytes */<size>`)' },
  422: { name: 'ValidationFailed', description: 'Invalid input; `errors` lists each field (`loc`, `msg`)' },
  429: { name: 'RateLimited', description: 'Rate limit exceeded; retry after `Retry-After` seconds' },
  500: { name: 'InternalError', description: 'Unexpected error (details are logged, never returned)' },
  503: { name: 'Unavailable', description: 'A dependency is unavailable; try again' },
};

function errorStatuses(def: AnyRoute): number[] {
  const s = new Set<number>([429, 500]);
  if (def.body || def.rawBody) [400, 413, 415, 422].forEach((c) => s.add(c));
  if (def.query || def.params) s.add(422);
  if (def.access !== 'public') [401, 503].forEach((c) => s.add(c));
  if (Array.isArray(def.access)) s.add(403);
  if (def.strictLimit) s.add(503);
  for (const c of def.errors ?? []) s.add(c);
  return [...s].sort();
}

export interface DocumentInfo {
  title: string;
  version: string;
  description?: string;
}

/** OpenAPI 3.1 generated from the same zod schemas and route declarations that Express runs. */
export function buildOpenApiDocument(routes: AnyRoute[], info: DocumentInfo) {
  const registry = new OpenAPIRegistry();
  registry.register('Error', ErrorSchema);
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Access token from POST /api/v1/auth/login (EdDSA-signed JWT, verifiable with /.well-known/jwks.json)',
  });
  registry.registerComponent('headers', 'X-RateLimit-Limit', {
    description: 'Requests allowed per window for the most restrictive limit applied',
    schema: { type: 'integer' },
  });
  registry.registerComponent('headers', 'X-RateLimit-Remaining', {
    description: 'Requests left before the limit is reached',
    schema: { type: 'integer' },
  });
  registry.registerComponent('headers', 'X-RateLimit-Reset', {
    description: 'Seconds until the limit is fully replenished',
    schema: { type: 'integer' },
  });
  registry.registerComponent('headers', 'X-Request-Id', {
    description: 'The request id (yours if sane, else generated); quote it when reporting a problem',
    schema: { type: 'string' },
  });
  registry.registerComponent('headers', 'Retry-After', {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer' },
  });
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  for (const [status, { name, description }] of Object.entries(STANDARD_ERRORS)) {
    const headers: Record<string, unknown> = { ...RATE_LIMIT_HEADERS };
    if (status === '429' || status === '503') headers['Retry-After'] = { $ref: '#/components/headers/Retry-After' };
    if (status === '401') headers['WWW-Authenticate'] = { description: 'Bearer challenge', schema: { type: 'string' } };
    registry.registerComponent('responses', name, { description, headers: headers as never, content: errorContent });
  }

  for (const def of routes) {
    const conditional = Boolean(def.edgeCache || def.success.cacheSeconds);
    const success: ResponseConfig = {
      description: def.success.description,
      headers: conditional ? { ...RATE_LIMIT_HEADERS, ...ETAG_HEADER } : RATE_LIMIT_HEADERS,
      ...(def.success.schema
        ? {
            content: {
              [def.success.contentType ?? 'application/json']: { schema: def.success.schema },
              ...Object.fromEntries((def.success.alternatives ?? []).map((alt) => [alt.contentType, { schema: alt.schema }])),
            },
          }
        : {}),
    };
    const responses: Responses = { [String(def.success.status)]: success };
    for (const alt of def.alsoSuccess ?? []) {
      responses[String(alt.status)] = {
        description: alt.description,
        headers: RATE_LIMIT_HEADERS,
        ...(alt.schema ? { content: { 'application/json': { schema: alt.schema } } } : {}),
      };
    }
    if (conditional) responses['304'] = { description: 'Not Modified: `If-None-Match` names the current ETag (no body)', headers: { ...RATE_LIMIT_HEADERS, ...ETAG_HEADER } };
    for (const status of errorStatuses(def)) responses[String(status)] = { $ref: `#/components/responses/${STANDARD_ERRORS[status].name}` };

    registry.registerPath({
      method: def.method,
      path: def.path,
      operationId: def.operationId,
      summary: def.summary,
      ...(def.description ? { description: def.description } : {}),
      tags: def.tags,
      // Optional authentication: anonymous (`{}`) or a bearer token.
      security: def.access === 'public' ? [] : def.access === 'optional' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
      ...(Array.isArray(def.access) ? { 'x-roles': def.access } : {}),
      request: {
        ...(def.idempotent ? { headers: IdempotencyHeaders } : {}),
        ...(conditional ? { headers: ConditionalHeaders } : {}),
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { query: def.query } : {}),
        ...(def.body
          ? { body: { required: def.bodyRequired !== false, content: { 'application/json': { schema: def.body } } } }
          : {}),
        ...(def.rawBody
          ? {
              body: {
                required: true,
                ...(def.rawBody.description ? { description: def.rawBody.description } : {}),
                content: { [def.rawBody.contentType]: { schema: def.rawBody.schema } },
              },
            }
          : {}),
      },
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Auth', description: 'Registration, login, tokens, sessions, your profile' },
      { name: 'Users', description: 'User administration' },
      { name: 'Courses', description: 'The catalogue: courses, publishing, categories, popular and top-rated lists' },
      { name: 'Sections', description: 'Sections of a course and its outline' },
      { name: 'Lessons', description: 'Lessons: content, ordering, publishing' },
      { name: 'Enrollments', description: 'Enrolments, lesson progress, course enrolment lists and statistics' },
      { name: 'Quizzes', description: 'Quizzes of a course, their questions and question pools (course owner, admins)' },
      { name: 'Quiz attempts', description: 'Taking a quiz (enrolled students), results, grading and regrading' },
      { name: 'Files', description: 'Uploads (streamed multipart, direct uploads for large files), authorised downloads with Range' },
      { name: 'Certificates', description: 'Certificates of completion: public verification, PDFs, verifiable credentials (Open Badges 3.0), templates' },
      { name: 'Analytics', description: 'Learner, course, instructor and system dashboards, course reports and exports (read models fed by events)' },
      { name: 'System', description: 'Health, readiness, keys, this document' },
    ],
  });
}
