import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { testEnv, testLogger } from '@lms/kit/testing';
import { buildApp } from '../src/app';
import { createAuthClient } from '../src/clients/auth.client';
import { createCatalogClient } from '@lms/kit/clients';
import { loadGatewayConfig } from '../src/config';
import { neighbours } from '../src/routes/courses.routes';
import { uniquePrefix } from './support/gateway';
import { Api, expectErrorBody } from './support/http';

/**
 * The catalog routes' declarations, without the catalog service: what the gateway decides by itself
 * (documentation, route order, guards and validation before any call) — the service is on a closed
 * port, so anything that reaches it answers 503.
 */
describe('Catalog routes in the gateway (no catalog service needed)', () => {
  const redis = new Redis(testEnv.redisUrl, { lazyConnect: true });
  const auth = createAuthClient('127.0.0.1:1', 300);
  const catalog = createCatalogClient('127.0.0.1:1', 300);
  const config = loadGatewayConfig({ REDIS_KEY_PREFIX: uniquePrefix('catroutes'), LOG_LEVEL: 'silent', RATE_LIMIT_GENERAL_PER_MIN: '100000' });
  const built = buildApp({ config, logger: testLogger('gateway'), auth, catalog, redis });
  const server = http.createServer(built.app);
  let api: Api;
  let doc: any;

  beforeAll(async () => {
    await redis.connect();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    doc = (await api.get('/openapi.json')).body;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    auth.close();
    catalog.close();
    await redis.quit();
  });

  // API.md, "Courses, sections, lessons — catalog service", with who may call it.
  const TABLE: [string, 'optional' | 'public' | string[]][] = [
    ['get /api/v1/courses', 'optional'],
    ['get /api/v1/courses/categories', 'public'],
    ['get /api/v1/courses/popular', 'public'],
    ['get /api/v1/courses/top-rated', 'public'],
    ['get /api/v1/courses/slug/{slug}', 'optional'],
    ['get /api/v1/courses/my/courses', ['instructor', 'admin']],
    ['get /api/v1/courses/{course_id}', 'optional'],
    ['post /api/v1/courses', ['instructor', 'admin']],
    ['put /api/v1/courses/{course_id}', ['instructor', 'admin']],
    ['delete /api/v1/courses/{course_id}', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/publish', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/unpublish', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/archive', ['instructor', 'admin']],
    ['get /api/v1/courses/{course_id}/sections', 'optional'],
    ['post /api/v1/courses/{course_id}/sections', ['instructor', 'admin']],
    ['put /api/v1/courses/{course_id}/sections/{section_id}', ['instructor', 'admin']],
    ['delete /api/v1/courses/{course_id}/sections/{section_id}', ['instructor', 'admin']],
    ['get /api/v1/courses/{course_id}/lessons', 'optional'],
    ['post /api/v1/courses/{course_id}/lessons', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/lessons/reorder', ['instructor', 'admin']],
    ['get /api/v1/lessons/{lesson_id}', 'optional'],
    ['put /api/v1/lessons/{lesson_id}', ['instructor', 'admin']],
    ['delete /api/v1/lessons/{lesson_id}', ['instructor', 'admin']],
    ['post /api/v1/lessons/{lesson_id}/publish', ['instructor', 'admin']],
    ['post /api/v1/lessons/{lesson_id}/unpublish', ['instructor', 'admin']],
  ];

  test.each(TABLE)('When %s is looked up in the document, then it is there with its access rule', (entry, access) => {
    const [method, path] = entry.split(' ');
    const op = doc.paths[path]?.[method];
    expect([entry, Boolean(op)]).toEqual([entry, true]);
    if (access === 'public') expect(op.security).toEqual([]);
    else if (access === 'optional') {
      expect(op.security).toEqual([{}, { bearerAuth: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401']));
    } else {
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      expect(op['x-roles']).toEqual(access);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    if (path.includes('{')) expect(Object.keys(op.responses)).toContain('422');
  });

  test('When the list and create operations are documented, then their parameters, limits and schemas are there', () => {
    const list = doc.paths['/api/v1/courses'].get;
    const params = Object.fromEntries(list.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]));
    expect(Object.keys(params)).toEqual(
      expect.arrayContaining(['page', 'page_size', 'category', 'difficulty_level', 'instructor_id', 'min_price', 'max_price', 'is_free', 'search', 'sort', 'include_unpublished']),
    );
    expect(params.page_size).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(params.search).toMatchObject({ maxLength: 200 });
    expect(list.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/CoursePage');
    const course = doc.components.schemas.Course;
    expect(course.properties.price_cents.type).toBe('integer');
    expect(course.required).toEqual(expect.arrayContaining(['id', 'title', 'slug', 'price_cents', 'currency', 'instructor', 'is_published']));

    const create = doc.paths['/api/v1/courses'].post;
    expect(create.responses['201']).toBeDefined();
    expect(create.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain('header:idempotency-key');
    const body = doc.components.schemas.CreateCourseRequest;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['title']);
    expect(body.properties.title).toMatchObject({ minLength: 3, maxLength: 200 });
    expect(body.properties.price_cents).toMatchObject({ minimum: 0 });
    expect(doc.paths['/api/v1/courses/{course_id}'].delete.responses['204']).toBeDefined();
    expect(doc.paths['/api/v1/courses/{course_id}'].delete.responses['409']).toBeDefined();
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Courses', 'Sections', 'Lessons']));
  });

  test.each(['categories', 'popular', 'top-rated', 'slug/some-course'])(
    'When GET /courses/%s is called, then its own route answers (not /courses/{course_id} with a bad UUID)',
    async (rest) => {
      const res = await api.get(`/api/v1/courses/${rest}`);
      // The catalog service is down: the route was matched and the call attempted.
      expectErrorBody(res, 503);
    },
  );

  test('When GET /courses/my/courses is called anonymously, then 401 from its own guard (not a 422 on course_id)', async () => {
    expectErrorBody(await api.get('/api/v1/courses/my/courses'), 401);
  });

  test('When writes are called anonymously, then 401 before the body is even read', async () => {
    const id = '7b0e3a52-7a43-4c33-9a11-2d0f6c0e8c51';
    for (const [method, path] of [
      ['POST', '/api/v1/courses'],
      ['PUT', `/api/v1/courses/${id}`],
      ['DELETE', `/api/v1/courses/${id}`],
      ['POST', `/api/v1/courses/${id}/publish`],
      ['POST', `/api/v1/courses/${id}/sections`],
      ['POST', `/api/v1/courses/${id}/lessons/reorder`],
      ['PUT', `/api/v1/lessons/${id}`],
      ['POST', `/api/v1/lessons/${id}/unpublish`],
    ]) {
      const res = await api.call(method, path, { body: { nonsense: true } });
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
  });

  test('When a public read has invalid input, then 422 comes from the gateway without calling the service', async () => {
    const res = await api.get('/api/v1/courses?page_size=0&sort=cheapest');
    const body = expectErrorBody(res, 422, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toEqual(['query.page_size', 'query.sort']);
    expectErrorBody(await api.get('/api/v1/courses/not-a-uuid'), 422);
    expectErrorBody(await api.get('/api/v1/lessons/not-a-uuid'), 422);
  });

  test('When a catalog route gets a wrong method, then 405 with Allow', async () => {
    const res = await api.call('PATCH', '/api/v1/courses');
    expectErrorBody(res, 405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  test('When lessons are in order, then previous/next ids follow it; an unknown id has none', () => {
    const ordered = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(neighbours(ordered, 'a')).toEqual({ previous_lesson_id: '', next_lesson_id: 'b' });
    expect(neighbours(ordered, 'b')).toEqual({ previous_lesson_id: 'a', next_lesson_id: 'c' });
    expect(neighbours(ordered, 'c')).toEqual({ previous_lesson_id: 'b', next_lesson_id: '' });
    expect(neighbours(ordered, 'x')).toEqual({ previous_lesson_id: '', next_lesson_id: '' });
  });
});
