import { unique } from '@lms/testing-fleet';
import { createCourse, createLesson, publishCourse, publishLesson, registerInstructor, startCatalogFleet, type CatalogFleet } from './support/catalog';
import { expectErrorBody, type ApiResponse } from './support/http';

/**
 * Issue 12 item 7 through the gateway against the real auth + catalog: the seed's course `language`
 * (default "en", filter), the derived `status`, the instructor's `avatar_url`, the `document` lesson type,
 * video lessons needing a `video_url`, the seed's title lengths and the 2-character minimum of a search.
 */
describe('Catalog seed fields through the gateway', () => {
  let fleet: CatalogFleet;
  let token: string;

  beforeAll(async () => {
    fleet = await startCatalogFleet('catalog_seed_fields');
    token = fleet.owner.access;
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  const locs = (res: ApiResponse) => (res.body.errors as { loc: (string | number)[] }[]).map((e) => e.loc.join('.'));
  const expect422 = (res: ApiResponse, loc: string) => {
    expectErrorBody(res, 422);
    expect(locs(res)).toEqual([loc]);
  };

  test('A course answers its language ("en" by default, canonical case), its derived status and the instructor avatar_url (null without one)', async () => {
    const course = await createCourse(fleet.api, token);
    expect(course).toMatchObject({ language: 'en', status: 'draft', is_published: false });
    expect(course.instructor).toEqual({ id: fleet.owner.userId, full_name: 'Instructor owner', bio: null, avatar_url: null });
    const updated = await fleet.api.put(`/api/v1/courses/${course.id}`, { language: 'PT-br' }, { token });
    expect(updated.status).toBe(200);
    expect(updated.body.language).toBe('pt-BR');
    const read = await fleet.api.get(`/api/v1/courses/${course.id}`, { token });
    expect(read.body).toMatchObject({ language: 'pt-BR', status: 'draft' });
  });

  test('status follows publish, archive and unarchive in every course answer (detail, public list, my courses)', async () => {
    const category = `status-${unique()}`;
    const course = await createCourse(fleet.api, token, { category });
    const lesson = await createLesson(fleet.api, token, course.id);
    await publishLesson(fleet.api, token, lesson.id);
    expect((await publishCourse(fleet.api, token, course.id)).status).toBe('published');
    const listed = await fleet.api.get(`/api/v1/courses?category=${category}`);
    expect(listed.body.courses.map((c: { status: string }) => c.status)).toEqual(['published']);
    const archived = await fleet.api.post(`/api/v1/courses/${course.id}/archive`, undefined, { token });
    expect(archived.body).toMatchObject({ status: 'archived', is_published: false });
    const mine = await fleet.api.get('/api/v1/courses/my/courses?status=archived&page_size=100', { token });
    expect(mine.body.courses.find((c: { id: string }) => c.id === course.id)?.status).toBe('archived');
    const unarchived = await fleet.api.post(`/api/v1/courses/${course.id}/unarchive`, undefined, { token });
    expect(unarchived.body.status).toBe('draft');
  });

  test('An instructor with an avatar in their profile: course answers carry it next to the name', async () => {
    const teacher = await registerInstructor(fleet.api, 'avatar');
    const avatar = `https://cdn.example.com/avatars/${unique()}.png`;
    expect((await fleet.api.put('/api/v1/auth/me', { avatar_url: avatar }, { token: teacher.access })).status).toBe(200);
    const course = await createCourse(fleet.api, teacher.access);
    expect(course.instructor).toMatchObject({ id: teacher.userId, full_name: 'Instructor avatar', avatar_url: avatar });
    const read = await fleet.api.get(`/api/v1/courses/${course.id}`, { token: teacher.access });
    expect(read.body.instructor.avatar_url).toBe(avatar);
  });

  test('GET /courses?language= lists only the courses in that language (any case); an invalid tag is 422', async () => {
    const category = `lang-${unique()}`;
    const published = async (language?: string) => {
      const course = await createCourse(fleet.api, token, { category, ...(language ? { language } : {}) });
      const lesson = await createLesson(fleet.api, token, course.id);
      await publishLesson(fleet.api, token, lesson.id);
      return publishCourse(fleet.api, token, course.id);
    };
    const arabic = await published('ar');
    const english = await published();
    const ids = async (query: string) => {
      const res = await fleet.api.get(`/api/v1/courses?category=${category}${query}`);
      expect(res.status).toBe(200);
      return res.body.courses.map((c: { id: string }) => c.id);
    };
    expect(await ids('&language=ar')).toEqual([arabic.id]);
    expect(await ids('&language=AR')).toEqual([arabic.id]);
    expect(await ids('&language=en')).toEqual([english.id]);
    expect(await ids('&language=fr')).toEqual([]);
    expect((await ids('')).sort()).toEqual([arabic.id, english.id].sort());
    expect422(await fleet.api.get('/api/v1/courses?language=not%20a%20tag'), 'query.language');
    expect422(await fleet.api.post('/api/v1/courses', { title: 'Valid title', language: 'english!' }, { token }), 'body.language');
  });

  test('Course titles are 3–255 characters and lesson titles 2–255 (422 naming body.title otherwise)', async () => {
    const long = await createCourse(fleet.api, token, { title: 'T'.repeat(255) });
    expect(long.title).toHaveLength(255);
    expect422(await fleet.api.post('/api/v1/courses', { title: 'T'.repeat(256) }, { token }), 'body.title');
    expect422(await fleet.api.post('/api/v1/courses', { title: 'ab' }, { token }), 'body.title');
    expect((await createLesson(fleet.api, token, long.id, { title: 'Go' })).title).toBe('Go');
    const lesson = await createLesson(fleet.api, token, long.id, { title: 'L'.repeat(255) });
    expect(lesson.title).toHaveLength(255);
    const lessons = `/api/v1/courses/${long.id}/lessons`;
    expect422(await fleet.api.post(lessons, { title: 'Q' }, { token }), 'body.title');
    expect422(await fleet.api.post(lessons, { title: 'L'.repeat(256) }, { token }), 'body.title');
    expect422(await fleet.api.put(`/api/v1/lessons/${lesson.id}`, { title: 'Q' }, { token }), 'body.title');
  });

  test('A search needs at least 2 characters when sent (422 for "a" and for an empty search=); absent means no search', async () => {
    expect422(await fleet.api.get('/api/v1/courses?search=a'), 'query.search');
    expect422(await fleet.api.get('/api/v1/courses?search='), 'query.search');
    expect((await fleet.api.get('/api/v1/courses?search=ab')).status).toBe(200);
    expect((await fleet.api.get('/api/v1/courses')).status).toBe(200);
  });

  test('A video lesson needs a video_url: on create (gateway) and on an update that would leave it without one (catalog), 422 naming body.video_url', async () => {
    const course = await createCourse(fleet.api, token);
    const lessons = `/api/v1/courses/${course.id}/lessons`;
    expect422(await fleet.api.post(lessons, { title: 'Intro video', lesson_type: 'video' }, { token }), 'body.video_url');
    expect422(await fleet.api.post(lessons, { title: 'Intro video', lesson_type: 'video', video_url: '' }, { token }), 'body.video_url');
    const video = await createLesson(fleet.api, token, course.id, { lesson_type: 'video', video_url: 'https://cdn.example.com/v.mp4' });
    expect(video).toMatchObject({ lesson_type: 'video', video_url: 'https://cdn.example.com/v.mp4' });
    expect422(await fleet.api.put(`/api/v1/lessons/${video.id}`, { video_url: '' }, { token }), 'body.video_url');
    const text = await createLesson(fleet.api, token, course.id);
    expect422(await fleet.api.put(`/api/v1/lessons/${text.id}`, { lesson_type: 'video' }, { token }), 'body.video_url');
    const switched = await fleet.api.put(`/api/v1/lessons/${text.id}`, { lesson_type: 'video', video_url: 'https://cdn.example.com/w.mp4' }, { token });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ lesson_type: 'video', video_url: 'https://cdn.example.com/w.mp4' });
  });

  test('Lesson type document (as the seed) is created, read and listed', async () => {
    const course = await createCourse(fleet.api, token);
    const doc = await createLesson(fleet.api, token, course.id, {
      lesson_type: 'document',
      resources: [{ title: 'Handout', url: 'https://files.example.com/handout.pdf', type: 'pdf' }],
    });
    expect(doc).toMatchObject({ lesson_type: 'document', video_url: null });
    expect((await fleet.api.get(`/api/v1/lessons/${doc.id}`, { token })).body.lesson_type).toBe('document');
    const list = await fleet.api.get(`/api/v1/courses/${course.id}/lessons`, { token });
    expect(list.body.lessons.find((e: { id: string }) => e.id === doc.id)?.lesson_type).toBe('document');
    expect422(await fleet.api.post(`/api/v1/courses/${course.id}/lessons`, { title: 'Slides', lesson_type: 'slides' }, { token }), 'body.lesson_type');
  });
});
