import { randomUUID } from 'node:crypto';
import { courseFixture, createCourse, startCatalogFleet, type CatalogFleet } from './support/catalog';
import { expectErrorBody, type ApiResponse } from './support/http';

/**
 * Bad input on the catalog routes: refused with 422 and one `errors[]` entry per problem (`loc` rooted
 * at body/query/path), before the catalog service is called; pagination edges answered by the service.
 */
describe('Catalog input validation through the gateway', () => {
  let fleet: CatalogFleet;
  let token: string;
  let courseId: string;
  let lessonId: string;
  let sectionId: string;

  beforeAll(async () => {
    fleet = await startCatalogFleet('catalog_validation');
    token = fleet.owner.access;
    const f = await courseFixture(fleet.api, token, { published: true });
    courseId = f.course.id;
    lessonId = f.lesson.id;
    sectionId = f.section.id;
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  const locs = (res: ApiResponse) => (res.body.errors as { loc: (string | number)[] }[]).map((e) => e.loc.join('.'));
  const expect422 = (res: ApiResponse, ...expected: string[]) => {
    const body = expectErrorBody(res, 422);
    expect(Array.isArray(body.errors)).toBe(true);
    for (const loc of expected) expect(locs(res)).toContain(loc);
    return body;
  };

  test.each([
    ['an unknown difficulty level', { title: 'Valid title', difficulty_level: 'expert' }, 'body.difficulty_level'],
    ['a negative price', { title: 'Valid title', price: -1 }, 'body.price'],
    ['a price with three decimals', { title: 'Valid title', price: 799.999 }, 'body.price'],
    ['a price in exponent form below a cent', { title: 'Valid title', price: 1e-7 }, 'body.price'],
    ['a price above 1,000,000', { title: 'Valid title', price: 1_000_000.01 }, 'body.price'],
    ['a price as a string', { title: 'Valid title', price: '100' }, 'body.price'],
    ['both price and price_cents', { title: 'Valid title', price: 1, price_cents: 100 }, 'body.price_cents'],
    ['a negative deprecated price_cents', { title: 'Valid title', price_cents: -1 }, 'body.price_cents'],
    ['a fractional deprecated price_cents', { title: 'Valid title', price_cents: 9.99 }, 'body.price_cents'],
    ['a title of 256 characters', { title: 'x'.repeat(256) }, 'body.title'],
    ['a title of 2 characters', { title: 'ab' }, 'body.title'],
    ['no title', { description: 'no title' }, 'body.title'],
    ['an unknown field', { title: 'Valid title', is_published: true }, 'body.is_published'],
    ['a lower-case currency', { title: 'Valid title', currency: 'usd' }, 'body.currency'],
    ['a javascript: thumbnail URL', { title: 'Valid title', thumbnail_url: 'javascript:alert(1)' }, 'body.thumbnail_url'],
    ['31 tags', { title: 'Valid title', tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, 'body.tags'],
    ['a UUID-shaped slug', { title: 'Valid title', slug: randomUUID() }, 'body.slug'],
    ['a slug with spaces', { title: 'Valid title', slug: 'Not A Slug' }, 'body.slug'],
    ['a bad instructor_id', { title: 'Valid title', instructor_id: 'not-a-uuid' }, 'body.instructor_id'],
  ])('When a course is created with %s, then 422 names the field', async (_what, body, loc) => {
    expect422(await fleet.api.post('/api/v1/courses', body, { token }), loc);
  });

  test('When a body has several problems, then each is listed; unknown fields one by one', async () => {
    const res = await fleet.api.post('/api/v1/courses', { title: 'x', price: -5, colour: 'red', size: 3 }, { token });
    expect422(res, 'body.title', 'body.price', 'body.colour', 'body.size');
    expect(res.body.errors.filter((e: { msg: string }) => e.msg === 'Unknown field')).toHaveLength(2);
  });

  test('When a partial update is empty or has an unknown field, then 422; a valid one changes only what is sent', async () => {
    expect422(await fleet.api.put(`/api/v1/courses/${courseId}`, {}, { token }));
    expect422(await fleet.api.put(`/api/v1/courses/${courseId}`, { title: 'Fine title', owner: 'me' }, { token }), 'body.owner');
    expect422(await fleet.api.put(`/api/v1/courses/${courseId}`, { price: -100 }, { token }), 'body.price');
    expect422(await fleet.api.put(`/api/v1/courses/${courseId}`, { price: 12.345 }, { token }), 'body.price');
    const before = (await fleet.api.get(`/api/v1/courses/${courseId}`, { token })).body;
    const res = await fleet.api.put(`/api/v1/courses/${courseId}`, { price: 12.34 }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ price: 12.34, price_cents: 1234, title: before.title, description: before.description, currency: before.currency });
    // The deprecated minor-unit alias still works.
    const alias = await fleet.api.put(`/api/v1/courses/${courseId}`, { price_cents: 1999 }, { token });
    expect(alias.body).toMatchObject({ price: 19.99, price_cents: 1999 });
  });

  test.each([
    ['GET', '/api/v1/courses/not-a-uuid', 'path.course_id'],
    ['PUT', '/api/v1/courses/123', 'path.course_id'],
    ['DELETE', '/api/v1/courses/abc', 'path.course_id'],
    ['POST', '/api/v1/courses/abc/publish', 'path.course_id'],
    ['GET', '/api/v1/courses/abc/sections', 'path.course_id'],
    ['GET', '/api/v1/courses/abc/lessons', 'path.course_id'],
    ['GET', '/api/v1/lessons/abc', 'path.lesson_id'],
    ['POST', '/api/v1/lessons/abc/publish', 'path.lesson_id'],
  ])('When %s %s has a bad UUID, then 422 names the path parameter', async (method, path, loc) => {
    const body = method === 'PUT' ? { title: 'Valid title' } : undefined;
    expect422(await fleet.api.call(method, path, { token, body }), loc);
  });

  test('When a section path names a bad section id, or a section of another course, then 422 / 404', async () => {
    expect422(await fleet.api.put(`/api/v1/courses/${courseId}/sections/nope`, { title: 'T' }, { token }), 'path.section_id');
    const other = await courseFixture(fleet.api, token, { published: false });
    const res = await fleet.api.put(`/api/v1/courses/${courseId}/sections/${other.section.id}`, { title: 'Moved?' }, { token });
    expectErrorBody(res, 404);
    const del = await fleet.api.delete(`/api/v1/courses/${courseId}/sections/${other.emptySection.id}`, { token });
    expectErrorBody(del, 404);
    // The other course's section is untouched.
    const outline = await fleet.api.get(`/api/v1/courses/${other.course.id}/sections`, { token });
    expect(outline.body.sections.map((s: { id: string }) => s.id)).toEqual([other.section.id, other.emptySection.id]);
  });

  test.each([
    ['page=0', 'query.page'],
    ['page=-1', 'query.page'],
    ['page=abc', 'query.page'],
    ['page_size=0', 'query.page_size'],
    ['page_size=1000', 'query.page_size'],
    ['page_size=101', 'query.page_size'],
    ['difficulty_level=expert', 'query.difficulty_level'],
    ['sort=cheapest', 'query.sort'],
    ['instructor_id=me', 'query.instructor_id'],
    ['min_price=-1', 'query.min_price'],
    ['max_price=1.555', 'query.max_price'],
    ['max_price=abc', 'query.max_price'],
    ['max_price=1e3', 'query.max_price'],
    ['min_price=1000000.01', 'query.min_price'],
    ['min_price=5.01&max_price=5', 'query.min_price'],
    ['is_free=yes', 'query.is_free'],
    [`search=${'s'.repeat(201)}`, 'query.search'],
    ['colour=red', 'query.colour'],
    ['page=1&page=2', 'query.page'],
  ])('When GET /courses?%s, then 422 names the parameter', async (qs, loc) => {
    expect422(await fleet.api.get(`/api/v1/courses?${qs}`), loc);
  });

  test('When page_size is 100 or the page is beyond the end, then 200 (an empty page past the end)', async () => {
    const max = await fleet.api.get('/api/v1/courses?page_size=100');
    expect(max.status).toBe(200);
    expect(max.body.page_size).toBe(100);
    const beyond = await fleet.api.get('/api/v1/courses?page=9999&page_size=10');
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ courses: [], page: 9999, page_size: 10 });
    expect(beyond.body.total).toBeGreaterThanOrEqual(1);
    expect(beyond.body.total_pages).toBe(Math.ceil(beyond.body.total / 10));
  });

  test('When the top lists get a bad limit, or my/courses a bad status, then 422', async () => {
    expect422(await fleet.api.get('/api/v1/courses/popular?limit=0'), 'query.limit');
    expect422(await fleet.api.get('/api/v1/courses/top-rated?limit=101'), 'query.limit');
    expect422(await fleet.api.get('/api/v1/courses/my/courses?status=deleted', { token }), 'query.status');
    expect((await fleet.api.get('/api/v1/courses/popular?limit=3')).status).toBe(200);
  });

  test.each([
    ['an unknown lesson type', { title: 'L', lesson_type: 'podcast' }, 'body.lesson_type'],
    ['a negative duration', { title: 'L', duration_minutes: -1 }, 'body.duration_minutes'],
    ['a duration over a day', { title: 'L', duration_minutes: 1441 }, 'body.duration_minutes'],
    ['a bad section id', { title: 'L', section_id: 'x' }, 'body.section_id'],
    ['a resource without url', { title: 'L', resources: [{ title: 'Slides' }] }, 'body.resources.0.url'],
    ['a resource of unknown type', { title: 'L', resources: [{ title: 'S', url: 'https://x.example', type: 'zip' }] }, 'body.resources.0.type'],
    ['a date-only unlock_at', { title: 'L', unlock_at: '2030-01-01' }, 'body.unlock_at'],
    ['an unknown prerequisite', { title: 'L', prerequisite: 'everything' }, 'body.prerequisite'],
    ['an unknown field', { title: 'L', order_index: 3 }, 'body.order_index'],
    ['no title', { lesson_type: 'text' }, 'body.title'],
  ])('When a lesson is created with %s, then 422 names the field', async (_what, body, loc) => {
    expect422(await fleet.api.post(`/api/v1/courses/${courseId}/lessons`, body, { token }), loc);
  });

  test('When a lesson update or a reorder is malformed, then 422', async () => {
    expect422(await fleet.api.put(`/api/v1/lessons/${lessonId}`, {}, { token }));
    expect422(await fleet.api.put(`/api/v1/lessons/${lessonId}`, { is_preview: 'yes' }, { token }), 'body.is_preview');
    expect422(await fleet.api.post(`/api/v1/courses/${courseId}/lessons/reorder`, { sections: [] }, { token }), 'body.sections');
    expect422(
      await fleet.api.post(`/api/v1/courses/${courseId}/lessons/reorder`, { sections: [{ section_id: sectionId, lesson_ids: ['x'] }] }, { token }),
      'body.sections.0.lesson_ids.0',
    );
    for (const bad of [{}, { new_order_index: -1 }, { new_order_index: 1.5 }, { new_order_index: '2' }, { new_order_index: 0, section_id: sectionId }]) {
      const res = await fleet.api.post(`/api/v1/lessons/${lessonId}/reorder`, bad, { token });
      expect422(res);
      expect(locs(res).every((l) => l.startsWith('body.'))).toBe(true);
    }
    expect422(await fleet.api.post('/api/v1/lessons/nope/reorder', { new_order_index: 0 }, { token }), 'path.lesson_id');
    // The seed's LessonReorder body also names the lesson: it must be the one in the path.
    expect422(await fleet.api.post(`/api/v1/lessons/${lessonId}/reorder`, { lesson_id: sectionId, new_order_index: 0 }, { token }), 'body.lesson_id');
    const same = await fleet.api.post(`/api/v1/lessons/${lessonId}/reorder`, { lesson_id: lessonId, new_order_index: 0 }, { token });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: lessonId, order_index: 0 });
    // Well-formed but incomplete: the service refuses it (a lesson is missing).
    const partial = await fleet.api.post(`/api/v1/courses/${courseId}/lessons/reorder`, { sections: [{ section_id: sectionId, lesson_ids: [lessonId] }] }, { token });
    expect(partial.status).toBe(422);
  });

  test('When a section is created with an empty title or an unknown field, then 422', async () => {
    expect422(await fleet.api.post(`/api/v1/courses/${courseId}/sections`, { title: '' }, { token }), 'body.title');
    expect422(await fleet.api.post(`/api/v1/courses/${courseId}/sections`, { title: 'S', order_index: 1 }, { token }), 'body.order_index');
  });

  test('When a course title is taken, then a new slug is generated; a taken explicit slug is 409', async () => {
    const a = await createCourse(fleet.api, token, { title: 'Slug Collision Course' });
    const b = await createCourse(fleet.api, token, { title: 'Slug Collision Course' });
    expect(a.slug).toBe('slug-collision-course');
    expect(b.slug).not.toBe(a.slug);
    expect(b.slug).toMatch(/^slug-collision-course-/);
    expectErrorBody(await fleet.api.post('/api/v1/courses', { title: 'Another', slug: a.slug }, { token }), 409);
    const arabic = await createCourse(fleet.api, token, { title: 'فن الخط العربي' });
    expect(arabic.slug).toBe('فن-الخط-العربي');
    const bySlug = await fleet.api.get(`/api/v1/courses/slug/${encodeURIComponent(arabic.slug)}`, { token });
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.id).toBe(arabic.id);
  });

  test('When a bad bearer token is sent to a public catalog read, then 401 (never a silent downgrade to anonymous)', async () => {
    const res = await fleet.api.get('/api/v1/courses', { token: 'not.a.jwt' });
    expectErrorBody(res, 401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectErrorBody(await fleet.api.get(`/api/v1/courses/${courseId}`, { headers: { authorization: 'Basic Zm9vOmJhcg==' } }), 401);
    // No header at all, or an empty one: anonymous.
    expect((await fleet.api.get('/api/v1/courses')).status).toBe(200);
    expect((await fleet.api.get('/api/v1/courses', { headers: { authorization: '' } })).status).toBe(200);
  });
});
