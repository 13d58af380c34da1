import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { testEnv, testLogger } from '@lms/kit/testing';
import { buildApp } from '../src/app';
import { createAuthClient } from '../src/clients/auth.client';
import { createCatalogClient } from '@lms/kit/clients';
import { loadGatewayConfig } from '../src/config';
import { centsToPrice, CourseSchema, isMoney, LessonListSchema, priceToCents } from '../src/openapi/catalog.schemas';
import { toPublic } from '../src/presentation/public-shape';
import { neighbours, presentCourse, presentLessonList } from '../src/routes/courses.routes';
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
    ['post /api/v1/courses/{course_id}/unarchive', ['instructor', 'admin']],
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
    ['post /api/v1/lessons/{lesson_id}/reorder', ['instructor', 'admin']],
    // The seed's code paths: lessons under their course, and an admin's view of one instructor's courses.
    ['get /api/v1/courses/{course_id}/lessons/{lesson_id}', 'optional'],
    ['put /api/v1/courses/{course_id}/lessons/{lesson_id}', ['instructor', 'admin']],
    ['delete /api/v1/courses/{course_id}/lessons/{lesson_id}', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/lessons/{lesson_id}/reorder', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/lessons/{lesson_id}/publish', ['instructor', 'admin']],
    ['post /api/v1/courses/{course_id}/lessons/{lesson_id}/unpublish', ['instructor', 'admin']],
    ['get /api/v1/courses/instructor/{instructor_id}/courses', ['admin']],
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
    expect(course.properties.price.type).toBe('number');
    expect(course.properties.price_cents.type).toBe('integer');
    expect(course.required).toEqual(
      expect.arrayContaining(['id', 'title', 'slug', 'price', 'currency', 'instructor', 'is_published', 'total_reviews', 'estimated_duration_hours']),
    );
    // Absent-able fields are documented as nullable (OpenAPI 3.1: a "null" type).
    for (const key of ['thumbnail_url', 'preview_video_url', 'published_at', 'archived_at', 'long_description']) {
      expect([key, JSON.stringify(course.properties[key])]).toEqual([key, expect.stringContaining('null')]);
    }
    expect(doc.components.schemas.CoursePage.required).toEqual(expect.arrayContaining(['courses', 'total', 'page', 'page_size', 'total_pages']));
    expect(doc.components.schemas.CourseList.required).toEqual(expect.arrayContaining(['courses', 'total']));
    expect(doc.components.schemas.CategoryList.required).toEqual(expect.arrayContaining(['categories', 'total']));
    expect(doc.components.schemas.LessonList.required).toEqual(expect.arrayContaining(['lessons', 'total']));
    expect(params.min_price).toMatchObject({ type: 'string' });

    const create = doc.paths['/api/v1/courses'].post;
    expect(create.responses['201']).toBeDefined();
    expect(create.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain('header:idempotency-key');
    const body = doc.components.schemas.CreateCourseRequest;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['title']);
    expect(body.properties.title).toMatchObject({ minLength: 3, maxLength: 255 });
    expect(body.properties.price).toMatchObject({ type: 'number', minimum: 0, maximum: 1_000_000 });
    expect(body.properties.price_cents).toMatchObject({ minimum: 0, deprecated: true });
    expect(doc.components.schemas.LessonReorderRequest).toMatchObject({ required: ['new_order_index'], additionalProperties: false });
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
      ['POST', `/api/v1/lessons/${id}/reorder`],
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
    expect(neighbours(ordered, 'a')).toEqual({ previous_lesson_id: null, next_lesson_id: 'b' });
    expect(neighbours(ordered, 'b')).toEqual({ previous_lesson_id: 'a', next_lesson_id: 'c' });
    expect(neighbours(ordered, 'c')).toEqual({ previous_lesson_id: 'b', next_lesson_id: null });
    expect(neighbours(ordered, 'x')).toEqual({ previous_lesson_id: null, next_lesson_id: null });
  });

  test('When prices are converted, then major units with at most two decimals map exactly to minor units and back', () => {
    for (const [major, cents] of [[799.99, 79_999], [0, 0], [0.1, 10], [0.29, 29], [19.99, 1999], [1_000_000, 100_000_000], [4.35, 435], [1.15, 115]] as const) {
      expect([major, priceToCents(major)]).toEqual([major, cents]);
      expect([major, priceToCents(String(major))]).toEqual([major, cents]);
      expect(centsToPrice(cents)).toBe(major);
    }
    expect(priceToCents('12.5')).toBe(1250);
    expect(priceToCents('007.07')).toBe(707);
    for (const bad of [799.999, 1e-7, -1, Number.NaN, Infinity]) expect([bad, isMoney(bad)]).toEqual([bad, false]);
    for (const bad of ['1.234', '-1', '1e3', '', ' ', '1.', '.5', '0x10', '1,5']) expect([bad, isMoney(bad)]).toEqual([bad, false]);
    // Every two-decimal amount up to 100.00 round-trips exactly.
    for (let c = 0; c <= 10_000; c++) {
      const major = centsToPrice(c);
      if (!isMoney(major) || priceToCents(major) !== c || priceToCents(String(major)) !== c) throw new Error(`${c} cents does not round-trip`);
    }
  });

  test('When a course is presented, then it has the seed fields and its proto3 absences become null', () => {
    const proto = {
      id: '7b0e3a52-7a43-4c33-9a11-2d0f6c0e8c51',
      price_cents: '79999',
      currency: 'EGP',
      thumbnail_url: '',
      preview_video_url: '',
      long_description: '',
      category: '',
      published_at: '',
      archived_at: '',
      estimated_duration_minutes: 95,
      rating_count: 7,
      instructor: null,
    } as never;
    const out = toPublic(CourseSchema, presentCourse(proto)) as Record<string, unknown>;
    expect(out).toMatchObject({
      price: 799.99,
      price_cents: 79_999,
      currency: 'EGP',
      total_reviews: 7,
      estimated_duration_hours: 1.6,
      thumbnail_url: null,
      preview_video_url: null,
      long_description: null,
      category: null,
      published_at: null,
      archived_at: null,
      instructor: null,
    });
  });

  test('When a course outline becomes the lesson list, then each section entry precedes its lessons and total counts lessons only', () => {
    // As proto-loader answers (defaults: every field present).
    const lesson = (id: string, section: string, i: number) => ({
      id,
      course_id: 'c',
      section_id: section,
      title: id,
      slug: id,
      description: '',
      content: '',
      lesson_type: 'text',
      order_index: i,
      duration_minutes: 5,
      video_url: '',
      resources: [],
      is_preview: false,
      is_published: true,
      counts_toward_completion: true,
      unlock_at: '',
      unlock_after_days: 0,
      prerequisite: '',
      created_at: 't',
      updated_at: 't',
    });
    const outline = {
      sections: [
        { id: 's1', title: 'One', order_index: 0, lessons: [lesson('a', 's1', 0), lesson('b', 's1', 1)] },
        { id: 's2', title: 'Two', order_index: 1, lessons: [] },
        { id: 's3', title: 'Three', order_index: 2, lessons: [lesson('c', 's3', 0)] },
      ],
    } as never;
    const list = toPublic(LessonListSchema, presentLessonList(outline)) as { lessons: Record<string, unknown>[]; total: number };
    expect(list.total).toBe(3);
    expect(list.lessons.map((e) => `${e.is_section ? 'S' : 'L'}:${e.id}`)).toEqual(['S:s1', 'L:a', 'L:b', 'S:s2', 'S:s3', 'L:c']);
    expect(list.lessons[0]).toEqual({ id: 's1', title: 'One', is_section: true, order_index: 0, lessons_count: 2 });
    expect(list.lessons[3]).toMatchObject({ lessons_count: 0 });
    expect(list.lessons[1]).toMatchObject({ id: 'a', section_id: 's1', order_index: 0, video_url: null, unlock_at: null, prerequisite: null, is_section: false });
    expect(list.lessons[1]).not.toHaveProperty('content');
  });
});
