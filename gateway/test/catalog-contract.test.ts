import { courseFixture, createCourse, createLesson, createSection, lessonIdsOf, publishCourse, publishLesson, startCatalogFleet, type CatalogFleet } from './support/catalog';
import { expectErrorBody } from './support/http';

/**
 * The seed's documented catalog contract (seed-part4 §5 rows 5–12) through the real gateway and catalog:
 * money in major units with a currency (DEFAULT_CURRENCY set to EGP here), lists named after the
 * resource, section entries in the lesson list, null for what is absent, and moving one lesson.
 */
describe('Catalog public contract through the gateway', () => {
  let fleet: CatalogFleet;
  let token: string;

  beforeAll(async () => {
    fleet = await startCatalogFleet('catalog_contract', { DEFAULT_CURRENCY: 'EGP' });
    token = fleet.owner.access;
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  test('When a course is created with price 799.99 and no currency, then 799.99 EGP comes back (price_cents 79999) everywhere', async () => {
    const { api } = fleet;
    const created = await createCourse(api, token, { price: 799.99, requirements: ['Python knowledge'], learning_objectives: ['Build REST APIs'] });
    expect(created).toMatchObject({ price: 799.99, price_cents: 79_999, currency: 'EGP', is_published: false, published_at: null });
    const explicit = await createCourse(api, token, { price: 10, currency: 'USD' });
    expect(explicit).toMatchObject({ price: 10, price_cents: 1000, currency: 'USD' });
    const lesson = await createLesson(api, token, created.id, { duration_minutes: 45 });
    await publishLesson(api, token, lesson.id);
    const published = await publishCourse(api, token, created.id);
    expect(published).toMatchObject({ id: created.id, is_published: true, published_at: expect.any(String) });
    const detail = (await api.get(`/api/v1/courses/${created.id}`)).body;
    expect(detail).toMatchObject({
      price: 799.99,
      currency: 'EGP',
      price_cents: 79_999,
      instructor: { id: fleet.owner.userId, full_name: expect.any(String), bio: null }, // no bio written: null, not ""
      enrollment_count: 0,
      average_rating: 0,
      total_reviews: 0,
      total_lessons: 1,
      total_quizzes: 0,
      estimated_duration_hours: 0.8,
      requirements: ['Python knowledge'],
      learning_objectives: ['Build REST APIs'],
      is_published: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const updated = await api.put(`/api/v1/courses/${created.id}`, { price: 899.99 }, { token });
    expect(updated.body).toMatchObject({ price: 899.99, price_cents: 89_999, currency: 'EGP' });
    expect(typeof updated.body.price).toBe('number');
  });

  test('When a price has three decimals, is negative or too big, then 422 and nothing is created', async () => {
    const { api } = fleet;
    const title = `Never created ${Date.now()}`;
    for (const price of [799.999, 0.001, -0.01, 1_000_000.01]) {
      const res = expectErrorBody(await api.post('/api/v1/courses', { title, price }, { token }), 422, 'VALIDATION_FAILED');
      expect(res.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toContain('body.price');
    }
    expect((await api.get(`/api/v1/courses/my/courses?page_size=100`, { token })).body.courses.map((c: { title: string }) => c.title)).not.toContain(title);
  });

  test('When courses are filtered by min_price/max_price in major units, then the bounds are inclusive to the cent', async () => {
    const { api } = fleet;
    const category = `money-${Date.now().toString(36)}`;
    const make = async (price: number) => {
      const course = await createCourse(api, token, { price, category });
      await publishLesson(api, token, (await createLesson(api, token, course.id)).id);
      return (await publishCourse(api, token, course.id)).id as string;
    };
    const free = await make(0);
    const cheap = await make(9.99);
    const mid = await make(10);
    const dear = await make(799.99);
    const ids = async (qs: string) => {
      const res = await api.get(`/api/v1/courses?category=${category}&page_size=100&sort=title&${qs}`);
      expect(res.status).toBe(200);
      return (res.body.courses as { id: string }[]).map((c) => c.id).sort();
    };
    const sorted = (...xs: string[]) => [...xs].sort();
    expect(await ids('min_price=9.99&max_price=10')).toEqual(sorted(cheap, mid));
    expectErrorBody(await api.get(`/api/v1/courses?category=${category}&min_price=9.991`), 422, 'VALIDATION_FAILED');
    expect(await ids('max_price=9.98')).toEqual(sorted(free));
    expect(await ids('min_price=10.00')).toEqual(sorted(mid, dear));
    expect(await ids('min_price=799.99&max_price=799.99')).toEqual(sorted(dear));
    expect(await ids('max_price=0')).toEqual(sorted(free));
    expect(await ids('min_price=0.5')).toEqual(sorted(cheap, mid, dear));
    const page = (await api.get(`/api/v1/courses?category=${category}&page_size=3`)).body;
    expect(page).toMatchObject({ total: 4, page: 1, page_size: 3, total_pages: 2 });
    expect(page.courses).toHaveLength(3);
    expect(page).not.toHaveProperty('items');
  });

  test('When a course has no thumbnail, preview video, long description or publication, then those are null, never ""', async () => {
    const { api } = fleet;
    const course = await createCourse(api, token, {});
    expect(course).toMatchObject({ thumbnail_url: null, preview_video_url: null, long_description: null, published_at: null, archived_at: null });
    const withUrl = await api.put(`/api/v1/courses/${course.id}`, { thumbnail_url: 'https://img.example/t.png' }, { token });
    expect(withUrl.body.thumbnail_url).toBe('https://img.example/t.png');
    const cleared = await api.put(`/api/v1/courses/${course.id}`, { thumbnail_url: '' }, { token });
    expect(cleared.body.thumbnail_url).toBeNull();
    const lesson = await createLesson(api, token, course.id, { lesson_type: 'text' });
    expect(lesson).toMatchObject({ video_url: null, unlock_at: null, prerequisite: null });
    const read = (await api.get(`/api/v1/lessons/${lesson.id}`, { token })).body;
    expect(read).toMatchObject({ video_url: null, previous_lesson_id: null, next_lesson_id: null, is_completed: false, resources: [] });
  });

  test('When the lessons of a course are listed, then each section entry precedes its lessons in course order and total counts lessons', async () => {
    const { api, student } = fleet;
    const f = await courseFixture(api, token, { published: true });
    const later = await createSection(api, token, f.course.id, 'Later');
    const last = await createLesson(api, token, f.course.id, { section_id: later.id, video_url: 'https://cdn.example/v.mp4', lesson_type: 'video' });
    await publishLesson(api, token, last.id);

    // The owner sees every section (the empty one too) and every lesson, drafts included.
    const mine = (await api.get(`/api/v1/courses/${f.course.id}/lessons`, { token })).body;
    expect(mine.lessons.map((e: { id: string; is_section: boolean }) => `${e.is_section ? 'S' : 'L'}:${e.id}`)).toEqual([
      `S:${f.section.id}`,
      `L:${f.preview.id}`,
      `L:${f.lesson.id}`,
      `L:${f.draftLesson.id}`,
      `S:${f.emptySection.id}`,
      `S:${later.id}`,
      `L:${last.id}`,
    ]);
    expect(mine.total).toBe(4);
    expect(mine.lessons[0]).toEqual({ id: f.section.id, title: f.section.title, is_section: true, order_index: 0, lessons_count: 3 });
    expect(mine.lessons[1]).toMatchObject({
      id: f.preview.id,
      title: f.preview.title,
      slug: f.preview.slug,
      lesson_type: 'text',
      is_section: false,
      section_id: f.section.id,
      order_index: 0,
      duration_minutes: 10,
      video_url: null,
      is_published: true,
      is_preview: true,
    });
    expect(mine.lessons[1]).not.toHaveProperty('content');
    expect(mine.lessons[6]).toMatchObject({ video_url: 'https://cdn.example/v.mp4', order_index: 0 });

    // A student sees published lessons, and only the sections that have one.
    const theirs = (await api.get(`/api/v1/courses/${f.course.id}/lessons`, { token: student.access })).body;
    expect(theirs.lessons.filter((e: { is_section: boolean }) => e.is_section).map((e: { id: string; lessons_count: number }) => [e.id, e.lessons_count])).toEqual([
      [f.section.id, 2],
      [later.id, 1],
    ]);
    expect(lessonIdsOf(theirs)).toEqual([f.preview.id, f.lesson.id, last.id]);
    expect(theirs.total).toBe(3);
  });

  test('When one lesson is moved with POST /lessons/{id}/reorder, then it takes that position in its section and past the end means the end', async () => {
    const { api, other, student } = fleet;
    const course = await createCourse(api, token, {});
    const section = await createSection(api, token, course.id, 'Only');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await createLesson(api, token, course.id, { section_id: section.id })).id);
    const [a, b, c, d] = ids;
    const moved = await api.post(`/api/v1/lessons/${d}/reorder`, { new_order_index: 0 }, { token });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: d, order_index: 0, section_id: section.id });
    const list = async () => lessonIdsOf((await api.get(`/api/v1/courses/${course.id}/lessons`, { token })).body);
    expect(await list()).toEqual([d, a, b, c]);
    expect((await api.post(`/api/v1/lessons/${d}/reorder`, { new_order_index: 99 }, { token: fleet.admin.access })).body.order_index).toBe(3);
    expect(await list()).toEqual([a, b, c, d]);
    expectErrorBody(await api.post(`/api/v1/lessons/${a}/reorder`, { new_order_index: 1 }, { token: other.access }), 404);
    expectErrorBody(await api.post(`/api/v1/lessons/${a}/reorder`, { new_order_index: 1 }, { token: student.access }), 403);
    expectErrorBody(await api.post(`/api/v1/lessons/${a}/reorder`, { new_order_index: 1 }), 401);
    expect(await list()).toEqual([a, b, c, d]);
  });

  test('When many single-lesson moves run at the same time, then all succeed and order indexes stay contiguous without duplicates', async () => {
    const { api } = fleet;
    const course = await createCourse(api, token, {});
    const section = await createSection(api, token, course.id, 'Busy');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await createLesson(api, token, course.id, { section_id: section.id })).id);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, k) => api.post(`/api/v1/lessons/${ids[(k * 5) % 8]}/reorder`, { new_order_index: (k * 3) % 10 }, { token })),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const outline = (await api.get(`/api/v1/courses/${course.id}/sections`, { token })).body;
    const lessons = outline.sections[0].lessons as { id: string; order_index: number }[];
    expect(lessons.map((l) => l.order_index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...lessons.map((l) => l.id)].sort()).toEqual([...ids].sort());
  });

  test("When the seed's code paths nest a lesson under its course, then they serve the same lesson; a lesson of another course is 404", async () => {
    const { api, student, admin } = fleet;
    const f = await courseFixture(api, token, { published: true });
    const other = await courseFixture(api, token, { published: true });
    const nested = (courseId: string, lessonId: string, rest = '') => `/api/v1/courses/${courseId}/lessons/${lessonId}${rest}`;
    const read = await api.get(nested(f.course.id, f.preview.id));
    expect(read.status).toBe(200);
    expect(read.body).toEqual((await api.get(`/api/v1/lessons/${f.preview.id}`)).body);
    expectErrorBody(await api.get(nested(other.course.id, f.preview.id)), 404, 'CATALOG.LESSON_NOT_FOUND');
    expectErrorBody(await api.get(nested(f.course.id, f.lesson.id), { token: student.access }), 403, 'CATALOG.ENROLLMENT_REQUIRED');
    expect((await api.put(nested(f.course.id, f.draftLesson.id), { title: 'Renamed under its course' }, { token })).body.title).toBe('Renamed under its course');
    expectErrorBody(await api.put(nested(other.course.id, f.draftLesson.id), { title: 'Nope' }, { token }), 404);
    const moved = await api.post(nested(f.course.id, f.draftLesson.id, '/reorder'), { new_order_index: 0 }, { token });
    expect(moved.body).toMatchObject({ id: f.draftLesson.id, order_index: 0 });
    expect((await api.post(nested(f.course.id, f.draftLesson.id, '/publish'), undefined, { token })).body.is_published).toBe(true);
    expectErrorBody(await api.post(nested(other.course.id, f.lesson.id, '/unpublish'), undefined, { token }), 404);
    expect((await api.delete(nested(f.course.id, f.draftLesson.id), { token: admin.access })).status).toBe(204);
    expect(lessonIdsOf((await api.get(`/api/v1/courses/${f.course.id}/lessons`, { token })).body)).toEqual([f.preview.id, f.lesson.id]);
  });

  test("When an admin lists one instructor's courses (the seed's code path), then every state is there; others are refused", async () => {
    const { api, admin, other } = fleet;
    const draft = await createCourse(api, token, {});
    const res = await api.get(`/api/v1/courses/instructor/${fleet.owner.userId}/courses?page_size=100`, { token: admin.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, page_size: 100, total: expect.any(Number), total_pages: expect.any(Number) });
    expect(res.body.courses.map((c: { id: string }) => c.id)).toContain(draft.id);
    expect(res.body.courses.every((c: { instructor_id: string }) => c.instructor_id === fleet.owner.userId)).toBe(true);
    expect((await api.get(`/api/v1/courses/instructor/${other.userId}/courses`, { token: admin.access })).body.total).toBe(0);
    expectErrorBody(await api.get(`/api/v1/courses/instructor/${fleet.owner.userId}/courses`, { token }), 403);
    expectErrorBody(await api.get(`/api/v1/courses/instructor/${fleet.owner.userId}/courses`), 401);
    expectErrorBody(await api.get('/api/v1/courses/instructor/nope/courses', { token: admin.access }), 422);
  });

  test('When the catalogue lists are read, then each is named after what it holds, with total', async () => {
    const { api } = fleet;
    const categories = (await api.get('/api/v1/courses/categories')).body;
    expect(Object.keys(categories).sort()).toEqual(['categories', 'total']);
    for (const path of ['/api/v1/courses/popular', '/api/v1/courses/top-rated']) {
      const body = (await api.get(path)).body;
      expect(Object.keys(body).sort()).toEqual(['courses', 'total']);
      expect(body.total).toBe(body.courses.length);
    }
    const mine = (await api.get('/api/v1/courses/my/courses', { token })).body;
    expect(Object.keys(mine).sort()).toEqual(['courses', 'page', 'page_size', 'total', 'total_pages']);
  });
});
