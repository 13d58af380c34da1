import http from 'node:http';
import zlib from 'node:zlib';
import { randomBytes, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { AppError } from '@lms/kit';
import type { AnalyticsClient } from '@lms/kit/clients';
import { EXPORT_PAGE_SIZE } from '../src/routes/analytics.routes';
import { startAuth, type TestAuth } from './support/auth';
import { registerInstructor } from './support/catalog';
import { startScriptedGateway } from './support/gateway';
import { Api, expectErrorBody } from './support/http';

/**
 * How the course export pages and streams, with a scripted analytics client in place of the service (the
 * real one is exercised by analytics-access.test.ts): the pages asked for, each written as it arrives, a
 * failure before the first byte answered as an error and one after it cutting the download.
 */
describe('Course export streaming (gateway with a scripted analytics client)', () => {
  let auth: TestAuth;
  let gateway: Awaited<ReturnType<typeof startScriptedGateway>>;
  let api: Api;
  let token: string;
  const courseId = randomUUID();
  /** What the next ExportCourseStudents calls answer (a page, or an error to throw). */
  let script: (request: { course_id: string; after: string; limit: number }) => Promise<unknown>;
  const calls: { course_id: string; after: string; limit: number }[] = [];

  const row = (i: number) => ({
    student_id: randomUUID(),
    student_name: i === 0 ? '=cmd|"/c calc"!A1' : `Learner ${i}`,
    enrollment_id: randomUUID(),
    status: 'active',
    enrolled_at: '2026-01-02T03:04:05.000Z',
    progress_percentage: 12.5,
    completed_lessons: 1,
    total_lessons: 8,
    time_spent_hours: 0.5,
    last_activity_at: '',
    completed_at: '',
    quizzes_taken: 2,
    quizzes_passed: 1,
    average_quiz_score: i % 2 ? { value: 75 } : null,
  });
  const page = (from: number, count: number, next: string) => ({
    course_id: courseId,
    course_title: 'Scripted, "quoted" course',
    rows: Array.from({ length: count }, (_, k) => row(from + k)),
    next_cursor: next,
  });

  beforeAll(async () => {
    auth = await startAuth('export_stream', { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    const analytics = {
      ExportCourseStudents: (request: { course_id: string; after: string; limit: number }) => {
        calls.push(request);
        return script(request);
      },
      close: () => undefined,
    } as unknown as AnalyticsClient;
    gateway = await startScriptedGateway(auth.address, 'export_stream', { analytics });
    api = gateway.api;
    token = (await registerInstructor(api, 'streamer')).access;
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await auth?.stop();
  });

  beforeEach(() => {
    calls.length = 0;
  });

  const path = `/api/v1/analytics/export/course/${courseId}/students`;

  test('When the course has three pages, then each is asked for with the previous cursor and every row is written once, in order', async () => {
    const pages: Record<string, unknown> = {
      '': page(0, EXPORT_PAGE_SIZE, 'c1'),
      c1: page(EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, 'c2'),
      c2: page(2 * EXPORT_PAGE_SIZE, 7, ''),
    };
    script = async (request) => pages[request.after];
    const res = await api.get(path, { token });
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      { course_id: courseId, after: '', limit: EXPORT_PAGE_SIZE },
      { course_id: courseId, after: 'c1', limit: EXPORT_PAGE_SIZE },
      { course_id: courseId, after: 'c2', limit: EXPORT_PAGE_SIZE },
    ]);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const rows: string[][] = parse(res.text);
    expect(rows).toHaveLength(1 + 2 * EXPORT_PAGE_SIZE + 7);
    expect(rows.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 2 * EXPORT_PAGE_SIZE + 7 }, (_, i) => (i === 0 ? `'=cmd|"/c calc"!A1` : `Learner ${i}`)));
    // null → empty cell; OptionalNumber unwrapped
    expect(rows[1].slice(9)).toEqual(['', '', '2', '1', '']);
    expect(rows[2].slice(9)).toEqual(['', '', '2', '1', '75']);

    const json = await api.get(`${path}?format=json`, { token });
    expect(json.status).toBe(200);
    expect(json.body.course_title).toBe('Scripted, "quoted" course');
    expect(json.body.students).toHaveLength(2 * EXPORT_PAGE_SIZE + 7);
    expect(json.body.students[1]).toMatchObject({ last_activity_at: null, completed_at: null, average_quiz_score: 75 });
    expect(json.body.students[0].average_quiz_score).toBeNull();
  });

  test('When the first page fails, then the answer is the usual JSON error (nothing was sent yet)', async () => {
    script = async () => {
      throw new AppError('permission_denied', 'Not your course', { code: 'ANALYTICS.NOT_COURSE_OWNER' });
    };
    expectErrorBody(await api.get(path, { token }), 403, 'ANALYTICS.NOT_COURSE_OWNER');
    script = async () => {
      throw new AppError('unavailable', 'analytics is unavailable');
    };
    const down = expectErrorBody(await api.get(path, { token }), 503);
    expect(down.code).toEqual(expect.any(String));
  });

  test('When a later page fails, then the download is cut (the client sees an error, never a complete-looking file)', async () => {
    script = async (request) => {
      if (request.after === '') return page(0, EXPORT_PAGE_SIZE, 'c1');
      throw new AppError('unavailable', 'analytics went away');
    };
    const res = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(calls.map((c) => c.after)).toEqual(['', 'c1']);
  });

  test.each([['identity'], ['gzip']])(
    'When the client reads slowly (%s), then paging waits for it (backpressure) and every row still arrives',
    async (encoding) => {
      const PAGES = 24;
      script = async (request) => {
        const n = request.after === '' ? 0 : Number(request.after);
        const p = page(n * EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, n + 1 < PAGES ? String(n + 1) : '');
        // incompressible enough that gzip cannot swallow the backlog
        p.rows.forEach((r, i) => (r.student_name = `${randomBytes(800).toString('hex')}-${n}-${i}`));
        return p;
      };
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.name);
      process.on('warning', onWarning);
      try {
        const port = Number(new URL(gateway.base).port);
        const body = await new Promise<string>((resolve, reject) => {
          const req = http.get(
            { host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } },
            (res) => {
              expect(res.statusCode).toBe(200);
              expect(res.headers['content-encoding']).toBe(encoding === 'gzip' ? 'gzip' : undefined);
              res.pause();
              setTimeout(() => {
                // the client has read nothing yet: the gateway stopped asking for pages
                try {
                  expect(calls.length).toBeLessThan(PAGES);
                } catch (err) {
                  reject(err);
                }
                const source = encoding === 'gzip' ? res.pipe(zlib.createGunzip()) : res;
                const chunks: Buffer[] = [];
                source.on('data', (c: Buffer) => chunks.push(c));
                source.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
                source.on('error', reject);
                res.resume();
              }, 800);
            },
          );
          req.on('error', reject);
        });
        expect(calls).toHaveLength(PAGES);
        const rows: string[][] = parse(body);
        expect(rows).toHaveLength(1 + PAGES * EXPORT_PAGE_SIZE);
        expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(PAGES * EXPORT_PAGE_SIZE);
        expect(warnings).toEqual([]);
      } finally {
        process.off('warning', onWarning);
      }
    },
    60_000,
  );

  test('When the OpenAPI document is read, then every analytics route is there with its roles, errors and nullable figures', async () => {
    const doc = (await api.get('/openapi.json')).body;
    const A = '/api/v1/analytics';
    const roles: Record<string, string[] | undefined> = {
      [`${A}/my-progress`]: undefined,
      [`${A}/my-dashboard`]: undefined,
      [`${A}/students/{student_id}/dashboard`]: ['admin'],
      [`${A}/courses/{course_id}`]: ['instructor', 'admin'],
      [`${A}/courses/{course_id}/funnel`]: ['instructor', 'admin'],
      [`${A}/courses/{course_id}/at-risk`]: ['instructor', 'admin'],
      [`${A}/quizzes/{quiz_id}/items`]: ['instructor', 'admin'],
      [`${A}/my-instructor-dashboard`]: ['instructor', 'admin'],
      [`${A}/instructors/{instructor_id}/dashboard`]: ['admin'],
      [`${A}/system/overview`]: ['admin'],
      [`${A}/system/user-growth`]: ['admin'],
      [`${A}/system/enrollment-trend`]: ['admin'],
      [`${A}/system/popular-courses`]: ['admin'],
      [`${A}/system/top-instructors`]: ['admin'],
      [`${A}/export/course/{course_id}/students`]: ['instructor', 'admin'],
      [`${A}/export/my-progress`]: undefined,
    };
    for (const [path, expected] of Object.entries(roles)) {
      const op = doc.paths[path]?.get;
      expect([path, Boolean(op)]).toEqual([path, true]);
      expect(op.tags).toEqual(['Analytics']);
      expect(op['x-roles']).toEqual(expected);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '429', '500', '503']));
      if (expected) expect(Object.keys(op.responses)).toContain('403');
    }
    const exportOp = doc.paths[`${A}/export/course/{course_id}/students`].get;
    expect(Object.keys(exportOp.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(exportOp.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'format', in: 'query' })]));
    const summary = doc.components.schemas.StudentProgressSummary;
    expect(summary.properties.average_quiz_score.type).toEqual(['number', 'null']);
    expect(doc.components.schemas.UserGrowthSeries.properties.data.type).toBe('array');
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain('Analytics');
  });
});
