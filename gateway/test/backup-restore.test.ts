import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestVhost, type TestResource } from '@lms/kit/testing';
import { PASSWORD, startAuth, startCatalog, startEnrollment, startFleet, type AuthHandle, type CatalogHandle, type EnrollmentHandle, type Fleet } from '@lms/testing-fleet';
import { login, type LoggedIn } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { startGateway, type TestGateway } from './support/gateway';
import type { Api, ApiResponse } from './support/http';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';

/**
 * Issue 18 point 5: scripts/backup.sh dumps this suite's auth, catalog and enrollment databases (on the shared
 * server, while the fleet runs), scripts/restore.sh restores the set into a FRESH PostgreSQL cluster of the suite's
 * own, and the same services started on the restored databases (a new vhost: the broker is not part of a backup)
 * answer through a new gateway with what was written before: the course, the enrolment with its progress, and the
 * users log in with their passwords.
 */
const REPO = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** A script of scripts/ with only the environment given (plus PATH/HOME): no URL leaks in from the test's own. */
async function script(name: string, args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return run('bash', [path.join(REPO, 'scripts', name), ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
}

const ok = (res: ApiResponse, status: number, what: string) => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
  return res.body;
};

describe('Backup and restore of the service databases into a fresh cluster', () => {
  const SERVICES = ['auth', 'catalog', 'enrollment'] as const;
  let fleet: Fleet<'instructor' | 'student'>;
  let gw: TestGateway;
  let pg: PrivatePostgres | undefined;
  let vhost: TestResource | undefined;
  let restored: { auth?: AuthHandle; catalog?: CatalogHandle; enrollment?: EnrollmentHandle; gw?: TestGateway } = {};
  let out: string;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-backup-test-'));
    // The fresh cluster is made meanwhile (initdb takes seconds); nothing is written to it before the restore.
    const [started, cluster] = await Promise.allSettled([
      startFleet({ label: 'gw_backup', services: ['enrollment'], users: { instructor: ['instructor', 'teacher'], student: ['student', 'learner'] } }),
      startPrivatePostgres('restore'),
    ]);
    // whichever started is stopped by afterAll even when the other failed
    if (started.status === 'fulfilled') fleet = started.value;
    if (cluster.status === 'fulfilled') pg = cluster.value;
    for (const result of [started, cluster]) if (result.status === 'rejected') throw result.reason;
    gw = await startGateway(fleet.authAddress, { CATALOG_GRPC_ADDR: fleet.catalog!.address, ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address });
  }, 90_000);

  afterAll(async () => {
    await restored.gw?.stop();
    for (const handle of [restored.enrollment, restored.catalog, restored.auth]) await handle?.close();
    await vhost?.drop();
    await pg?.stop();
    await gw?.stop();
    await fleet?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test('When the databases are backed up and restored into a new cluster, then the restored services serve the same course, enrolment, progress and logins', async () => {
    // Written through the API before the backup.
    const api = gw.api;
    const [teacher, learner]: LoggedIn[] = await Promise.all([login(api, fleet.users.instructor.email, PASSWORD), login(api, fleet.users.student.email, PASSWORD)]);
    const course = await createCourse(api, teacher.access, { title: 'Backed-up course' });
    const lessons: string[] = [];
    for (const title of ['Before the backup', 'After the restore']) {
      const lesson = await createLesson(api, teacher.access, course.id, { title });
      await publishLesson(api, teacher.access, lesson.id);
      lessons.push(lesson.id);
    }
    await publishCourse(api, teacher.access, course.id);
    const enrolment = ok(await api.post('/api/v1/enrollments', { course_id: course.id }, { token: learner.access }), 201, 'enrol');
    ok(await api.post(`/api/v1/enrollments/${enrolment.id}/lessons/${lessons[0]}/complete`, {}, { token: learner.access }), 200, 'complete');
    const before = ok(await api.get(`/api/v1/enrollments/${enrolment.id}`, { token: learner.access }), 200, 'enrolment');
    expect(before).toMatchObject({ completed_lessons_count: 1, progress_percentage: 50 });

    // Backup of this suite's databases (their test names, through <SERVICE>_DATABASE_URL), online.
    const sources = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_DATABASE_URL`, fleet[s]!.db.url]));
    const backup = await script('backup.sh', ['--out', out, '--only', SERVICES.join(',')], sources);
    const set = backup.stdout.trim().split('\n').pop()!;
    expect(path.dirname(set)).toBe(fs.realpathSync(out));
    expect(path.basename(set)).toMatch(/^lms-backup-\d{8}T\d{6}Z$/);
    const manifest = JSON.parse(fs.readFileSync(path.join(set, 'manifest.json'), 'utf8'));
    expect(manifest.pg_dump_version).toMatch(/pg_dump \(PostgreSQL\) \d+/);
    expect(manifest.databases.map((d: { service: string }) => d.service)).toEqual([...SERVICES]);
    for (const entry of manifest.databases) {
      const bytes = fs.readFileSync(path.join(set, entry.file));
      expect(entry).toMatchObject({ database: fleet[entry.service as (typeof SERVICES)[number]]!.db.name, bytes: bytes.length });
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(entry.migrations.count).toBeGreaterThan(0);
      expect(entry.migrations.latest).not.toBe('');
    }

    // Into the fresh cluster: restore.sh creates lms_<service> there from its admin URL.
    if (!pg) throw new Error('no private cluster');
    const restore = await script('restore.sh', ['--jobs', '2', set], { DATABASE_URL: pg.adminUrl });
    expect(restore.stderr).toContain('lms_enrollment');
    expect(restore.stderr).not.toContain(new URL(pg.adminUrl).password); // masked in its log
    // Restoring again over the now non-empty databases is refused without --force, and changes nothing.
    await expect(script('restore.sh', ['--only', 'auth', set], { DATABASE_URL: pg.adminUrl })).rejects.toMatchObject({ stderr: expect.stringMatching(/not empty: lms_auth/) });

    // The services on the restored databases, with a new broker vhost, behind a new gateway.
    vhost = await createTestVhost('gw_restored');
    const database = (service: string): TestResource => ({ url: pg!.urlOf(`lms_${service}`), name: `lms_${service}`, drop: async () => undefined });
    const common = { label: 'gw_restored', amqpUrl: vhost.url };
    restored.auth = await startAuth({ ...common, database: database('auth') });
    restored.catalog = await startCatalog({ ...common, database: database('catalog'), authAddress: restored.auth.address });
    restored.enrollment = await startEnrollment({
      ...common,
      database: database('enrollment'),
      authAddress: restored.auth.address,
      catalogAddress: restored.catalog.address,
    });
    restored.gw = await startGateway(restored.auth.address, { CATALOG_GRPC_ADDR: restored.catalog.address, ENROLLMENT_GRPC_ADDR: restored.enrollment.address });
    const api2: Api = restored.gw.api;

    // The same users log in with the same passwords, and see what they had.
    const learner2 = await login(api2, fleet.users.student.email, PASSWORD);
    const teacher2 = await login(api2, fleet.users.instructor.email, PASSWORD);
    expect(learner2.userId).toBe(learner.userId);
    expect(ok(await api2.get(`/api/v1/courses/${course.id}`, { token: learner2.access }), 200, 'course')).toMatchObject({ id: course.id, title: 'Backed-up course' });
    const after = ok(await api2.get(`/api/v1/enrollments/${enrolment.id}`, { token: learner2.access }), 200, 'restored enrolment');
    expect(after).toMatchObject({ id: enrolment.id, course_id: course.id, student_id: learner.userId, completed_lessons_count: 1, progress_percentage: 50 });
    const progress = ok(await api2.get(`/api/v1/enrollments/${enrolment.id}/progress`, { token: learner2.access }), 200, 'restored progress');
    const byLesson = Object.fromEntries(progress.lessons.map((l: { lesson_id: string; progress: { status: string } }) => [l.lesson_id, l.progress.status]));
    expect(byLesson[lessons[0]]).toBe('completed');
    expect(byLesson[lessons[1]]).not.toBe('completed');
    // And the restored fleet keeps working: the second lesson completes the course.
    ok(await api2.post(`/api/v1/enrollments/${enrolment.id}/lessons/${lessons[1]}/complete`, {}, { token: learner2.access }), 200, 'complete after restore');
    expect(ok(await api2.get(`/api/v1/enrollments/${enrolment.id}`, { token: learner2.access }), 200, 'enrolment')).toMatchObject({ progress_percentage: 100 });
    // The instructor still owns the course.
    expect((await api2.get(`/api/v1/courses/${course.id}/enrollments`, { token: teacher2.access })).status).toBe(200);
  }, 120_000);
});
