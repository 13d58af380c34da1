import { startCatalogFleet, type CatalogFleet } from './support/catalog';
import { expectErrorBody } from './support/http';

/**
 * An instructor builds a course end to end through the public API and the catalogue shows it to
 * everyone: real gateway → real catalog and auth (gRPC) → real PostgreSQL, RabbitMQ and Redis.
 */
describe('Catalog journey through the gateway', () => {
  let fleet: CatalogFleet;

  beforeAll(async () => {
    fleet = await startCatalogFleet('catalog_journey');
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  test('When an instructor creates, fills and publishes a course, then anonymous users find it; reorder, slug lookup and archive behave', async () => {
    const { api, owner, student } = fleet;
    const token = owner.access;
    const word = `quokka${Date.now().toString(36)}`; // a search term no other course has

    // 1. A draft course, with an Idempotency-Key: the retry replays the same course.
    const body = {
      title: `Distributed Systems with ${word}`,
      description: `Consensus, replication and the ${word} protocol.`,
      category: 'computer-science',
      difficulty_level: 'advanced',
      price: 49.5,
      currency: 'EUR',
      tags: ['Distributed', 'raft'],
      requirements: ['Networking basics'],
      learning_objectives: ['Explain Raft'],
    };
    const created = await api.post('/api/v1/courses', body, { token, headers: { 'Idempotency-Key': `journey-${word}` } });
    expect(created.status).toBe(201);
    const course = created.body;
    expect(course).toMatchObject({
      title: body.title,
      slug: `distributed-systems-with-${word}`,
      price: 49.5,
      price_cents: 4950,
      currency: 'EUR',
      tags: ['distributed', 'raft'],
      is_published: false,
      instructor_id: owner.userId,
      version: 0,
    });
    expect(created.headers.get('cache-control')).toBe('no-store');
    const replay = await api.post('/api/v1/courses', body, { token, headers: { 'Idempotency-Key': `journey-${word}` } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(course.id);
    const reused = await api.post('/api/v1/courses', { ...body, title: 'Something else' }, { token, headers: { 'Idempotency-Key': `journey-${word}` } });
    expectErrorBody(reused, 422, 'IDEMPOTENCY_KEY_REUSED');

    // Not visible yet: anonymous and students get 404; listing does not show it.
    expectErrorBody(await api.get(`/api/v1/courses/${course.id}`), 404);
    expectErrorBody(await api.get(`/api/v1/courses/${course.id}`, { token: student.access }), 404);
    expect((await api.get(`/api/v1/courses?search=${word}`)).body.total).toBe(0);
    // Its owner sees it among their drafts.
    const mine = await api.get('/api/v1/courses/my/courses?status=draft', { token });
    expect(mine.body.courses.map((c: { id: string }) => c.id)).toContain(course.id);
    const withDrafts = await api.get(`/api/v1/courses?search=${word}&include_unpublished=true`, { token });
    expect(withDrafts.body.courses.map((c: { id: string }) => c.id)).toEqual([course.id]);
    // A student asking for unpublished courses gets the public list.
    expect((await api.get(`/api/v1/courses?search=${word}&include_unpublished=true`, { token: student.access })).body.total).toBe(0);

    // 2. Publishing with no published lesson is refused with the reason.
    const early = expectErrorBody(await api.post(`/api/v1/courses/${course.id}/publish`, undefined, { token }), 409);
    expect(early.detail).toMatch(/lesson/i);

    // 3. A section and three lessons.
    const section = await api.post(`/api/v1/courses/${course.id}/sections`, { title: 'Foundations', description: 'Start here' }, { token });
    expect(section.status).toBe(201);
    expect(section.body).toMatchObject({ course_id: course.id, title: 'Foundations', order_index: expect.any(Number) });
    const lessons: { id: string; title: string }[] = [];
    for (const [i, title] of ['Why consensus', 'Leader election', 'Log replication'].entries()) {
      const res = await api.post(
        `/api/v1/courses/${course.id}/lessons`,
        {
          section_id: section.body.id,
          title,
          lesson_type: i === 0 ? 'video' : 'text',
          content: `# ${title}\n\nBody of ${title}.`,
          duration_minutes: 10 * (i + 1),
          video_url: i === 0 ? 'https://cdn.example.com/intro.mp4' : '',
          is_preview: i === 0,
          resources: i === 1 ? [{ title: 'Raft paper', url: 'https://raft.github.io/raft.pdf', type: 'pdf' }] : [],
        },
        { token },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ title, section_id: section.body.id, is_published: false, counts_toward_completion: true });
      lessons.push(res.body);
    }
    for (const l of lessons) expect((await api.post(`/api/v1/lessons/${l.id}/publish`, undefined, { token })).body.is_published).toBe(true);

    // 4. Publish the course: version 1, duration from the published lessons.
    const published = await api.post(`/api/v1/courses/${course.id}/publish`, undefined, { token });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ is_published: true, total_lessons: 3, estimated_duration_minutes: 60 });
    expect(published.body.published_at).toEqual(expect.any(String));
    expect(published.body.version).toBeGreaterThanOrEqual(1);

    // 5. Anonymous users list, search, filter and read it, with its instructor.
    const found = await api.get(`/api/v1/courses?search=${word}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });
    expect(found.body.courses[0]).toMatchObject({
      id: course.id,
      instructor: { id: owner.userId, full_name: expect.any(String) },
      price: 49.5,
      currency: 'EUR',
      total_lessons: 3,
      estimated_duration_hours: 1,
      requirements: ['Networking basics'],
      learning_objectives: ['Explain Raft'],
    });
    // The answer depends on who asks: shared caches must key on the token, and revalidate (an ETag) on every use;
    // a signed-in caller's copy is private.
    expect(found.headers.get('vary')).toMatch(/Authorization/i);
    expect(found.headers.get('cache-control')).toBe('public, no-cache');
    expect(found.headers.get('etag')).toMatch(/^(W\/)?"/);
    expect((await api.get(`/api/v1/courses?search=${word}`, { token: student.access })).headers.get('cache-control')).toBe('private, no-cache');
    const filtered = await api.get(`/api/v1/courses?search=${word}&difficulty_level=advanced&category=computer-science&min_price=49.50&max_price=49.5&is_free=false&sort=relevance`);
    expect(filtered.body.courses.map((c: { id: string }) => c.id)).toEqual([course.id]);
    expect((await api.get(`/api/v1/courses?search=${word}&is_free=true`)).body.total).toBe(0);
    expect((await api.get(`/api/v1/courses?search=${word}&max_price=49.49`)).body.total).toBe(0);
    expect((await api.get(`/api/v1/courses?search=${word}&instructor_id=${owner.userId}`)).body.total).toBe(1);
    const detail = await api.get(`/api/v1/courses/${course.id}`);
    expect(detail.body).toMatchObject({ id: course.id, instructor: { id: owner.userId } });
    const categories = await api.get('/api/v1/courses/categories');
    expect(categories.body.total).toBe(categories.body.categories.length);
    expect(categories.body.categories).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'computer-science' })]));
    const popular = await api.get('/api/v1/courses/popular?limit=5');
    expect(popular.status).toBe(200);
    expect(Array.isArray(popular.body.courses)).toBe(true);
    expect(popular.body.total).toBe(popular.body.courses.length);
    expect((await api.get('/api/v1/courses/top-rated')).status).toBe(200);

    // The outline and the flat lesson list, in order, without content.
    const outline = await api.get(`/api/v1/courses/${course.id}/sections`);
    expect(outline.status).toBe(200);
    expect(outline.body.sections).toHaveLength(1);
    expect(outline.body.sections[0].lessons.map((l: { id: string }) => l.id)).toEqual(lessons.map((l) => l.id));
    expect(outline.body.sections[0].lessons.every((l: { content: string }) => l.content === '')).toBe(true);
    const flat = await api.get(`/api/v1/courses/${course.id}/lessons`);
    expect(flat.body.lessons.map((l: { id: string; is_section: boolean }) => `${l.is_section}:${l.id}`)).toEqual([
      `true:${section.body.id}`,
      ...lessons.map((l) => `false:${l.id}`),
    ]);
    expect(flat.body.total).toBe(3);

    // The preview lesson is open to anonymous users, with its content and neighbours; the others are not.
    const preview = await api.get(`/api/v1/lessons/${lessons[0].id}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ id: lessons[0].id, previous_lesson_id: null, next_lesson_id: lessons[1].id, is_completed: false });
    expect(preview.body.content).toContain('Why consensus');
    expect((await api.get(`/api/v1/lessons/${lessons[1].id}`)).status).toBe(403);
    const middle = await api.get(`/api/v1/lessons/${lessons[1].id}`, { token });
    expect(middle.body).toMatchObject({ previous_lesson_id: lessons[0].id, next_lesson_id: lessons[2].id });
    expect(middle.body.resources).toEqual([{ title: 'Raft paper', url: 'https://raft.github.io/raft.pdf', type: 'pdf' }]);

    // 6. Reorder: a second section takes the last lesson first; one atomic call.
    const second = await api.post(`/api/v1/courses/${course.id}/sections`, { title: 'Advanced' }, { token });
    const reordered = await api.post(
      `/api/v1/courses/${course.id}/lessons/reorder`,
      {
        sections: [
          { section_id: second.body.id, lesson_ids: [lessons[2].id] },
          { section_id: section.body.id, lesson_ids: [lessons[1].id, lessons[0].id] },
        ],
      },
      { token },
    );
    expect(reordered.status).toBe(200);
    expect(reordered.body.sections.map((s: { id: string }) => s.id)).toEqual([second.body.id, section.body.id]);
    const order = [lessons[2].id, lessons[1].id, lessons[0].id];
    expect(reordered.body.sections.flatMap((s: { lessons: { id: string }[] }) => s.lessons.map((l) => l.id))).toEqual(order);
    const lessonIds = (body: { lessons: { id: string; is_section: boolean }[] }) => body.lessons.filter((e) => !e.is_section).map((e) => e.id);
    expect(lessonIds((await api.get(`/api/v1/courses/${course.id}/lessons`)).body)).toEqual(order);
    expect((await api.get(`/api/v1/lessons/${lessons[0].id}`)).body).toMatchObject({ previous_lesson_id: lessons[1].id, next_lesson_id: null });

    // Moving one lesson: the first of "Foundations" (lessons[1]) goes to its end; the list follows.
    const moved = await api.post(`/api/v1/lessons/${lessons[1].id}/reorder`, { new_order_index: 1 }, { token });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: lessons[1].id, section_id: section.body.id, order_index: 1 });
    expect(lessonIds((await api.get(`/api/v1/courses/${course.id}/lessons`)).body)).toEqual([lessons[2].id, lessons[0].id, lessons[1].id]);

    // 7. Slug lookup, then a partial update that renames it.
    const bySlug = await api.get(`/api/v1/courses/slug/${course.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.id).toBe(course.id);
    const renamed = await api.put(`/api/v1/courses/${course.id}`, { title: `Consensus with ${word}`, slug: '' }, { token });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: `Consensus with ${word}`, slug: `consensus-with-${word}`, price: 49.5, category: 'computer-science' });
    expectErrorBody(await api.get(`/api/v1/courses/slug/${course.slug}`), 404);
    expect((await api.get(`/api/v1/courses/slug/consensus-with-${word}`)).body.id).toBe(course.id);

    // 8. Archive: gone from the catalogue and from anonymous reads; the owner still sees it.
    const archived = await api.post(`/api/v1/courses/${course.id}/archive`, undefined, { token });
    expect(archived.status).toBe(200);
    expect(archived.body.archived_at).toEqual(expect.any(String));
    expect((await api.get(`/api/v1/courses?search=${word}`)).body.total).toBe(0);
    expectErrorBody(await api.get(`/api/v1/courses/${course.id}`), 404);
    expectErrorBody(await api.get(`/api/v1/courses/slug/consensus-with-${word}`, { token: student.access }), 404);
    expect((await api.get(`/api/v1/courses/${course.id}`, { token })).status).toBe(200);
    const archivedMine = await api.get('/api/v1/courses/my/courses?status=archived', { token });
    expect(archivedMine.body.courses.map((c: { id: string }) => c.id)).toContain(course.id);
  });

  test('When an admin creates a course on behalf of an instructor, then it is theirs; an instructor cannot do that', async () => {
    const { api, admin, owner, other } = fleet;
    const res = await api.post('/api/v1/courses', { title: 'Made by admin', instructor_id: owner.userId }, { token: admin.access });
    expect(res.status).toBe(201);
    expect(res.body.instructor_id).toBe(owner.userId);
    const refused = await api.post('/api/v1/courses', { title: 'Made for someone', instructor_id: owner.userId }, { token: other.access });
    expectErrorBody(refused, 403);
  });

  test('When a course with sections and lessons is deleted by its owner, then it is gone; a lesson and a section can be deleted', async () => {
    const { api, owner } = fleet;
    const token = owner.access;
    const course = (await api.post('/api/v1/courses', { title: 'Short-lived course' }, { token })).body;
    const s = (await api.post(`/api/v1/courses/${course.id}/sections`, { title: 'Only section' }, { token })).body;
    const l = (await api.post(`/api/v1/courses/${course.id}/lessons`, { title: 'Only lesson', section_id: s.id }, { token })).body;
    expectErrorBody(await api.delete(`/api/v1/courses/${course.id}/sections/${s.id}`, { token }), 409);
    expect((await api.delete(`/api/v1/lessons/${l.id}`, { token })).status).toBe(204);
    expectErrorBody(await api.get(`/api/v1/lessons/${l.id}`, { token }), 404);
    expect((await api.delete(`/api/v1/courses/${course.id}/sections/${s.id}`, { token })).status).toBe(204);
    expect((await api.delete(`/api/v1/courses/${course.id}`, { token })).status).toBe(204);
    expectErrorBody(await api.get(`/api/v1/courses/${course.id}`, { token }), 404);
  });
});
