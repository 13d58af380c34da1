// The catalog service itself, started in-process by the fleet's test support: real PostgreSQL, RabbitMQ and Redis.
import { startCatalog as startCatalogService, unique } from '@lms/testing-fleet';
import { login, registerAndLogin, startAuth, strongPassword, uniqueEmail, type LoggedIn, type TestAuth } from './auth';
import { startGateway, type TestGateway } from './gateway';
import type { Api } from './http';

export interface TestCatalog {
  address: string;
  stop(): Promise<void>;
}

export async function startCatalog(label: string, authAddress: string, env: Record<string, string> = {}): Promise<TestCatalog> {
  // Its own database and vhost; without ENROLLMENT_GRPC_ADDR in `env` it never reaches a stray enrollment.
  const catalog = await startCatalogService({ label: `gwcat_${label}`, authAddress, env });
  return { address: catalog.address, stop: () => catalog.close() };
}

/** auth + catalog + gateway, and one user of each kind the catalog's rules distinguish. */
export interface CatalogFleet {
  auth: TestAuth;
  catalog: TestCatalog;
  gw: TestGateway;
  api: Api;
  admin: LoggedIn;
  /** The instructor who owns the fixtures. */
  owner: LoggedIn;
  /** Another instructor. */
  other: LoggedIn;
  student: LoggedIn;
  stop(): Promise<void>;
}

/** `catalogEnv`: extra catalog configuration (e.g. `DEFAULT_CURRENCY`). */
export async function startCatalogFleet(label: string, catalogEnv: Record<string, string> = {}): Promise<CatalogFleet> {
  const auth = await startAuth(label, { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
  let catalog: TestCatalog | undefined;
  let gw: TestGateway | undefined;
  try {
    catalog = await startCatalog(label, auth.address, catalogEnv);
    gw = await startGateway(auth.address, { CATALOG_GRPC_ADDR: catalog.address });
    const api = gw.api;
    const creds = await auth.createAdmin();
    const [admin, owner, other, student] = await Promise.all([
      login(api, creds.email, creds.password),
      registerInstructor(api, 'owner'),
      registerInstructor(api, 'other'),
      registerAndLogin(api, 'student'),
    ]);
    const running = { auth, catalog, gw };
    return {
      ...running,
      api,
      admin,
      owner,
      other,
      student,
      async stop() {
        await running.gw.stop();
        await running.catalog.stop();
        await running.auth.stop();
      },
    };
  } catch (err) {
    await gw?.stop();
    await catalog?.stop();
    await auth.stop();
    throw err;
  }
}

export async function registerInstructor(api: Api, label: string): Promise<LoggedIn> {
  const email = uniqueEmail(label);
  const password = strongPassword();
  const reg = await api.post('/api/v1/auth/register', { email, password, full_name: `Instructor ${label}`, role: 'instructor' });
  if (reg.status !== 201) throw new Error(`register instructor failed: ${reg.status} ${reg.text}`);
  return login(api, email, password);
}

// ------------------------------------------------------------------------------------ content helpers

async function ok<T = any>(res: Promise<{ status: number; body: any; text: string }>, status: number, what: string): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${r.text.slice(0, 500)}`);
  return r.body as T;
}

export async function createCourse(api: Api, token: string, body: Record<string, unknown> = {}): Promise<any> {
  return ok(api.post('/api/v1/courses', { title: `Course ${unique()}`, description: 'A course', ...body }, { token }), 201, 'create course');
}

export async function createSection(api: Api, token: string, courseId: string, title = `Section ${unique()}`): Promise<any> {
  return ok(api.post(`/api/v1/courses/${courseId}/sections`, { title }, { token }), 201, 'create section');
}

export async function createLesson(api: Api, token: string, courseId: string, body: Record<string, unknown> = {}): Promise<any> {
  return ok(
    api.post(`/api/v1/courses/${courseId}/lessons`, { title: `Lesson ${unique()}`, lesson_type: 'text', content: '# Hello', duration_minutes: 10, ...body }, { token }),
    201,
    'create lesson',
  );
}

export async function publishLesson(api: Api, token: string, lessonId: string): Promise<any> {
  return ok(api.post(`/api/v1/lessons/${lessonId}/publish`, undefined, { token }), 200, 'publish lesson');
}

export async function publishCourse(api: Api, token: string, courseId: string): Promise<any> {
  return ok(api.post(`/api/v1/courses/${courseId}/publish`, undefined, { token }), 200, 'publish course');
}

export interface CourseFixture {
  course: any;
  section: any;
  /** A published preview lesson (when `published`), a published non-preview lesson, and a draft lesson. */
  preview: any;
  lesson: any;
  draftLesson: any;
  /** A section without lessons. */
  emptySection: any;
}

/** The lesson ids of a `GET /courses/{id}/lessons` answer (section entries left out), in order. */
export function lessonIdsOf(list: { lessons: { id: string; is_section: boolean }[] }): string[] {
  return list.lessons.filter((e) => !e.is_section).map((e) => e.id);
}

/** A course with one section, three lessons (preview published, plain published, draft) and an empty section. */
export async function courseFixture(api: Api, token: string, options: { published: boolean }): Promise<CourseFixture> {
  const course = await createCourse(api, token, { category: 'fixtures', tags: ['fixture'] });
  const section = await createSection(api, token, course.id);
  const preview = await createLesson(api, token, course.id, { section_id: section.id, is_preview: true });
  const lesson = await createLesson(api, token, course.id, { section_id: section.id });
  const draftLesson = await createLesson(api, token, course.id, { section_id: section.id });
  await publishLesson(api, token, preview.id);
  await publishLesson(api, token, lesson.id);
  const emptySection = await createSection(api, token, course.id);
  const finalCourse = options.published ? await publishCourse(api, token, course.id) : course;
  return { course: finalCourse, section, preview, lesson, draftLesson, emptySection };
}
