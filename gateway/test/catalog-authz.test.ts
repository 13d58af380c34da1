import { courseFixture, startCatalogFleet, type CatalogFleet, type CourseFixture } from './support/catalog';
import type { ApiResponse } from './support/http';

/**
 * The authorization matrix of every catalog route: anonymous, student, the instructor who owns the
 * course, another instructor, admin → the HTTP status, through the real gateway, auth and catalog.
 * Role refusals (401/403) come from the gateway; ownership and visibility from the catalog service
 * (a draft does not exist for those who may not see it: 404; a visible course they may not change: 403).
 */
type Who = 'anonymous' | 'student' | 'owner' | 'other' | 'admin';
const WHO: Who[] = ['anonymous', 'student', 'owner', 'other', 'admin'];

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

interface Case {
  route: string;
  /** Which course the call is made on; writes by owner/other/admin get a fresh one (they may change it). */
  on: 'published' | 'draft' | 'none';
  call(f: CourseFixture): Call;
  expect: [anonymous: number, student: number, owner: number, other: number, admin: number];
}

const C = (f: CourseFixture) => `/api/v1/courses/${f.course.id}`;
const reorderBody = (f: CourseFixture) => ({
  sections: [
    { section_id: f.emptySection.id, lesson_ids: [] },
    { section_id: f.section.id, lesson_ids: [f.draftLesson.id, f.lesson.id, f.preview.id] },
  ],
});

const CASES: Case[] = [
  // ---------------------------------------------------------------- public reads
  { route: 'GET /courses', on: 'none', call: () => ({ method: 'GET', path: '/api/v1/courses' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses?include_unpublished=true', on: 'none', call: () => ({ method: 'GET', path: '/api/v1/courses?include_unpublished=true' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/categories', on: 'none', call: () => ({ method: 'GET', path: '/api/v1/courses/categories' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/popular', on: 'none', call: () => ({ method: 'GET', path: '/api/v1/courses/popular' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/top-rated', on: 'none', call: () => ({ method: 'GET', path: '/api/v1/courses/top-rated' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/my/courses', on: 'none', call: () => ({ method: 'GET', path: '/api/v1/courses/my/courses' }), expect: [401, 403, 200, 200, 200] },
  { route: 'GET /courses/slug/{slug} (published)', on: 'published', call: (f) => ({ method: 'GET', path: `/api/v1/courses/slug/${encodeURIComponent(f.course.slug)}` }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/slug/{slug} (draft)', on: 'draft', call: (f) => ({ method: 'GET', path: `/api/v1/courses/slug/${encodeURIComponent(f.course.slug)}` }), expect: [404, 404, 200, 404, 200] },
  { route: 'GET /courses/{id} (published)', on: 'published', call: (f) => ({ method: 'GET', path: C(f) }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/{id} (draft)', on: 'draft', call: (f) => ({ method: 'GET', path: C(f) }), expect: [404, 404, 200, 404, 200] },
  { route: 'GET /courses/{id}/sections (published)', on: 'published', call: (f) => ({ method: 'GET', path: `${C(f)}/sections` }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/{id}/sections (draft)', on: 'draft', call: (f) => ({ method: 'GET', path: `${C(f)}/sections` }), expect: [404, 404, 200, 404, 200] },
  { route: 'GET /courses/{id}/lessons (published)', on: 'published', call: (f) => ({ method: 'GET', path: `${C(f)}/lessons` }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /courses/{id}/lessons (draft)', on: 'draft', call: (f) => ({ method: 'GET', path: `${C(f)}/lessons` }), expect: [404, 404, 200, 404, 200] },
  { route: 'GET /lessons/{id} (preview lesson, published course)', on: 'published', call: (f) => ({ method: 'GET', path: `/api/v1/lessons/${f.preview.id}` }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /lessons/{id} (non-preview lesson, published course)', on: 'published', call: (f) => ({ method: 'GET', path: `/api/v1/lessons/${f.lesson.id}` }), expect: [403, 403, 200, 403, 200] },
  { route: 'GET /lessons/{id} (draft lesson, published course)', on: 'published', call: (f) => ({ method: 'GET', path: `/api/v1/lessons/${f.draftLesson.id}` }), expect: [404, 404, 200, 404, 200] },
  { route: 'GET /lessons/{id} (preview lesson, draft course)', on: 'draft', call: (f) => ({ method: 'GET', path: `/api/v1/lessons/${f.preview.id}` }), expect: [404, 404, 200, 404, 200] },

  // ---------------------------------------------------------------- course writes
  { route: 'POST /courses', on: 'none', call: () => ({ method: 'POST', path: '/api/v1/courses', body: { title: 'Matrix course' } }), expect: [401, 403, 201, 201, 201] },
  { route: 'PUT /courses/{id} (published)', on: 'published', call: (f) => ({ method: 'PUT', path: C(f), body: { title: 'Renamed course' } }), expect: [401, 403, 200, 403, 200] },
  { route: 'PUT /courses/{id} (draft)', on: 'draft', call: (f) => ({ method: 'PUT', path: C(f), body: { title: 'Renamed course' } }), expect: [401, 403, 200, 404, 200] },
  { route: 'DELETE /courses/{id} (draft)', on: 'draft', call: (f) => ({ method: 'DELETE', path: C(f) }), expect: [401, 403, 204, 404, 204] },
  { route: 'DELETE /courses/{id} (published)', on: 'published', call: (f) => ({ method: 'DELETE', path: C(f) }), expect: [401, 403, 204, 403, 204] },
  { route: 'POST /courses/{id}/publish', on: 'draft', call: (f) => ({ method: 'POST', path: `${C(f)}/publish` }), expect: [401, 403, 200, 404, 200] },
  { route: 'POST /courses/{id}/unpublish', on: 'published', call: (f) => ({ method: 'POST', path: `${C(f)}/unpublish` }), expect: [401, 403, 200, 403, 200] },
  { route: 'POST /courses/{id}/archive', on: 'published', call: (f) => ({ method: 'POST', path: `${C(f)}/archive` }), expect: [401, 403, 200, 403, 200] },
  // a draft that is not archived: unarchiving changes nothing (the full archive → unarchive → publish path: catalog-enrolled-access)
  { route: 'POST /courses/{id}/unarchive', on: 'draft', call: (f) => ({ method: 'POST', path: `${C(f)}/unarchive` }), expect: [401, 403, 200, 404, 200] },

  // ---------------------------------------------------------------- sections
  { route: 'POST /courses/{id}/sections', on: 'published', call: (f) => ({ method: 'POST', path: `${C(f)}/sections`, body: { title: 'New section' } }), expect: [401, 403, 201, 403, 201] },
  { route: 'POST /courses/{id}/sections (draft)', on: 'draft', call: (f) => ({ method: 'POST', path: `${C(f)}/sections`, body: { title: 'New section' } }), expect: [401, 403, 201, 404, 201] },
  { route: 'PUT /courses/{id}/sections/{sid}', on: 'published', call: (f) => ({ method: 'PUT', path: `${C(f)}/sections/${f.section.id}`, body: { title: 'Renamed section' } }), expect: [401, 403, 200, 403, 200] },
  // An empty section is not part of the outline others see: for them it does not exist in this course.
  { route: 'DELETE /courses/{id}/sections/{sid} (empty)', on: 'published', call: (f) => ({ method: 'DELETE', path: `${C(f)}/sections/${f.emptySection.id}` }), expect: [401, 403, 204, 404, 204] },

  // ---------------------------------------------------------------- lessons
  { route: 'POST /courses/{id}/lessons', on: 'published', call: (f) => ({ method: 'POST', path: `${C(f)}/lessons`, body: { title: 'New lesson', section_id: f.section.id } }), expect: [401, 403, 201, 403, 201] },
  { route: 'POST /courses/{id}/lessons (draft)', on: 'draft', call: (f) => ({ method: 'POST', path: `${C(f)}/lessons`, body: { title: 'New lesson' } }), expect: [401, 403, 201, 404, 201] },
  { route: 'POST /courses/{id}/lessons/reorder', on: 'published', call: (f) => ({ method: 'POST', path: `${C(f)}/lessons/reorder`, body: reorderBody(f) }), expect: [401, 403, 200, 403, 200] },
  { route: 'POST /lessons/{id}/reorder', on: 'published', call: (f) => ({ method: 'POST', path: `/api/v1/lessons/${f.lesson.id}/reorder`, body: { new_order_index: 0 } }), expect: [401, 403, 200, 403, 200] },
  { route: 'POST /lessons/{id}/reorder (draft course)', on: 'draft', call: (f) => ({ method: 'POST', path: `/api/v1/lessons/${f.lesson.id}/reorder`, body: { new_order_index: 0 } }), expect: [401, 403, 200, 404, 200] },
  { route: 'PUT /lessons/{id}', on: 'published', call: (f) => ({ method: 'PUT', path: `/api/v1/lessons/${f.lesson.id}`, body: { title: 'Renamed lesson' } }), expect: [401, 403, 200, 403, 200] },
  { route: 'PUT /lessons/{id} (draft course)', on: 'draft', call: (f) => ({ method: 'PUT', path: `/api/v1/lessons/${f.lesson.id}`, body: { title: 'Renamed lesson' } }), expect: [401, 403, 200, 404, 200] },
  { route: 'DELETE /lessons/{id}', on: 'published', call: (f) => ({ method: 'DELETE', path: `/api/v1/lessons/${f.draftLesson.id}` }), expect: [401, 403, 204, 403, 204] },
  { route: 'POST /lessons/{id}/publish', on: 'published', call: (f) => ({ method: 'POST', path: `/api/v1/lessons/${f.draftLesson.id}/publish` }), expect: [401, 403, 200, 403, 200] },
  { route: 'POST /lessons/{id}/unpublish', on: 'published', call: (f) => ({ method: 'POST', path: `/api/v1/lessons/${f.lesson.id}/unpublish` }), expect: [401, 403, 200, 403, 200] },
];

describe('Catalog authorization matrix (every route × anonymous, student, owner, other instructor, admin)', () => {
  let fleet: CatalogFleet;
  let shared: { published: CourseFixture; draft: CourseFixture };

  beforeAll(async () => {
    fleet = await startCatalogFleet('catalog_authz');
    const { api, owner } = fleet;
    shared = {
      published: await courseFixture(api, owner.access, { published: true }),
      draft: await courseFixture(api, owner.access, { published: false }),
    };
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  const tokenOf = (who: Who): string | undefined =>
    who === 'anonymous' ? undefined : { student: fleet.student, owner: fleet.owner, other: fleet.other, admin: fleet.admin }[who].access;

  const rows = CASES.flatMap((c) => WHO.map((who, i) => ({ ...c, who, status: c.expect[i] })));

  test.each(rows)('$route as $who → $status', async ({ on, call, who, status }) => {
    // Writes that may succeed get their own course, so no row depends on what another row changed.
    const { method } = call(shared.published);
    const mayChange = method !== 'GET' && (who === 'owner' || who === 'other' || who === 'admin');
    const fixture = on === 'none' ? shared.published : mayChange ? await courseFixture(fleet.api, fleet.owner.access, { published: on === 'published' }) : shared[on];
    const req = call(fixture);
    const res: ApiResponse = await fleet.api.call(req.method, req.path, { token: tokenOf(who), body: req.body });
    if (res.status !== status) throw new Error(`${req.method} ${req.path} as ${who}: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
    if (status >= 400) {
      expect(res.body).toMatchObject({ detail: expect.any(String), code: expect.any(String), request_id: res.headers.get('x-request-id') });
    }
  });

  test('When the shared fixtures are read again after the whole matrix, then refused writes changed nothing', async () => {
    const { api, owner } = fleet;
    const pub = await api.get(`/api/v1/courses/${shared.published.course.id}`, { token: owner.access });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ title: shared.published.course.title, is_published: true, archived_at: null });
    const draft = await api.get(`/api/v1/courses/${shared.draft.course.id}`, { token: owner.access });
    expect(draft.body).toMatchObject({ title: shared.draft.course.title, is_published: false });
    const outline = await api.get(`/api/v1/courses/${shared.published.course.id}/sections`, { token: owner.access });
    expect(outline.body.sections.map((s: { id: string }) => s.id)).toEqual([shared.published.section.id, shared.published.emptySection.id]);
    const { preview, lesson, draftLesson } = shared.published;
    expect(outline.body.sections[0].lessons.map((l: { id: string }) => l.id)).toEqual([preview.id, lesson.id, draftLesson.id]);
  });
});
