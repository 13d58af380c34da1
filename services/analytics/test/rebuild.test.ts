import { QueryTypes, type Sequelize } from 'sequelize';
import { createEventLogClient, type EventLogClient } from '@lms/kit/clients';
import { GrpcStatus } from '@lms/kit/grpc';
import { eventually, expectGrpcError, testLogger } from '@lms/kit/testing';
import { CLASSROOM_USERS, startAnalytics, startFleet, unique, type AnalyticsHandle, type Fleet } from '@lms/testing-fleet';
import { checkReadModels, rebuildReadModels, REBUILD_PRODUCERS, type RebuildReport } from '../src/app/rebuild/rebuild';
import { runCheck, runRebuild } from '../src/cli/rebuild';
import { FACT_TYPES } from '../src/events/analytics.events.schema';
import { FACTS_QUEUE } from '../src/events/facts.consumer';

/**
 * Issue 13 A3: `analytics rebuild` — a scripted history through the real services (auth, catalog, enrollment,
 * quiz, certificate, analytics); once analytics has caught up, a rebuild from the producers' event logs gives the very same
 * read models, and so does a fresh analytics database deployed after the fleet had data.
 */
type Producer = (typeof REBUILD_PRODUCERS)[number];

describe('analytics rebuild from the producers\' event logs (real services)', () => {
  let fleet: Fleet<keyof typeof CLASSROOM_USERS>;
  let analyticsDb: Sequelize;
  const producerDbs = {} as Record<Producer, Sequelize>;
  const logs = {} as Record<Producer, EventLogClient>;
  const opened: AnalyticsHandle[] = [];

  const sources = () => REBUILD_PRODUCERS.map((name) => ({ name, client: logs[name] }));
  const rebuild = (sequelize: Sequelize): Promise<RebuildReport> =>
    rebuildReadModels({ sequelize, logger: testLogger('analytics-rebuild'), sources: sources(), batchSize: 7 });

  /** Every read model (every table but the kit's), rows as JSON, sorted. */
  const dump = async (db: Sequelize) => {
    const tables = await db.query<{ table_name: string }>(
      `SELECT tablename::text AS table_name FROM pg_tables WHERE schemaname = current_schema()
         AND tablename NOT IN ('outbox', 'inbox', 'schema_migrations') ORDER BY 1`,
      { type: QueryTypes.SELECT },
    );
    const out: Record<string, unknown[]> = {};
    for (const { table_name: table } of tables) {
      const rows = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`, { type: QueryTypes.SELECT });
      out[table] = rows.map((r) => JSON.parse(r.row) as unknown);
    }
    return out;
  };

  /** Ids of every event of a consumed type the producers have written so far. */
  const producedIds = async () => {
    const ids: string[] = [];
    for (const name of REBUILD_PRODUCERS) {
      const rows = await producerDbs[name].query<{ id: string }>(`SELECT id::text AS id FROM outbox WHERE type IN (:types)`, {
        type: QueryTypes.SELECT,
        replacements: { types: FACT_TYPES },
      });
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  };

  /** Waits until analytics' inbox holds every produced event (analytics has caught up). */
  const caughtUp = async (db: Sequelize) => {
    const ids = await producedIds();
    await eventually(async () => {
      const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM inbox WHERE consumer = :consumer AND event_id IN (:ids)`, {
        type: QueryTypes.SELECT,
        replacements: { consumer: FACTS_QUEUE, ids },
      });
      expect(Number(row.n)).toBe(ids.length);
    }, 30_000);
    return ids.length;
  };

  beforeAll(async () => {
    fleet = await startFleet({
      label: 'an_rebuild',
      // certificate issues for course B's completion (its PDF is not needed: no browser)
      services: ['quiz', 'analytics', 'certificate'],
      env: { all: { OUTBOX_POLL_MS: '50' }, enrollment: { OUTLINE_REFRESH_MIN_INTERVAL_MS: '0' }, certificate: { CHROMIUM_PATH: '/nonexistent/chromium' } },
      users: CLASSROOM_USERS,
    });
    analyticsDb = fleet.openDatabase('analytics');
    for (const name of REBUILD_PRODUCERS) {
      producerDbs[name] = fleet.openDatabase(name);
      logs[name] = createEventLogClient(fleet[name]!.address, 10_000, 'analytics');
    }
    // Users registered before analytics bound its queue reach it through the logs: the catch-up this feature is for.
    await rebuild(analyticsDb);

    // ---- the scripted history
    const { catalog, enrollment, quiz } = { catalog: fleet.catalog!.client, enrollment: fleet.enrollment!.client, quiz: fleet.quiz!.client };
    const { instructor, otherInstructor, student, otherStudent } = fleet.users;
    const third = await fleet.newUser('student', 'third');

    const courseA = await catalog.CreateCourse(
      { title: `Course A ${unique()}`, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 1900 },
      instructor.auth,
    );
    const quizLesson = await catalog.CreateLesson({ course_id: courseA.id, title: `Quiz ${unique()}`, lesson_type: 'quiz', content: 'Quiz', duration_minutes: 5 }, instructor.auth);
    const a1 = await catalog.CreateLesson({ course_id: courseA.id, title: `A1 ${unique()}`, lesson_type: 'text', content: '# A1', duration_minutes: 5 }, instructor.auth);
    for (const l of [quizLesson, a1]) await catalog.PublishLesson({ lesson_id: l.id }, instructor.auth);
    await catalog.PublishCourse({ course_id: courseA.id }, instructor.auth);

    const courseB = await catalog.CreateCourse(
      { title: `Course B ${unique()}`, description: 'B course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0 },
      otherInstructor.auth,
    );
    const b1 = await catalog.CreateLesson({ course_id: courseB.id, title: `B1 ${unique()}`, lesson_type: 'text', content: '# B1', duration_minutes: 5 }, otherInstructor.auth);
    const b2 = await catalog.CreateLesson({ course_id: courseB.id, title: `B2 ${unique()}`, lesson_type: 'text', content: '# B2', duration_minutes: 5 }, otherInstructor.auth);
    for (const l of [b1, b2]) await catalog.PublishLesson({ lesson_id: l.id }, otherInstructor.auth);
    await catalog.PublishCourse({ course_id: courseB.id }, otherInstructor.auth);
    await catalog.UpdateCourse({ course_id: courseB.id, title: `Course B renamed ${unique()}`, fields: ['title'] }, otherInstructor.auth);

    const created = await quiz.CreateQuiz({ course_id: courseA.id, lesson_id: quizLesson.id, title: `Quiz ${unique()}`, fields: [] }, instructor.auth);
    const q1 = await quiz.CreateQuestion(
      { course_id: courseA.id, quiz_id: created.id, question: { question_type: 'multiple_choice', question_text: 'One?', points: 1, options: [{ text: 'yes', is_correct: true }, { text: 'no', is_correct: false }] } },
      instructor.auth,
    );
    await quiz.PublishQuiz({ course_id: courseA.id, quiz_id: created.id }, instructor.auth);

    const enrolAs = async (who: { auth: string }, courseId: string) => (await enrollment.Enroll({ course_id: courseId }, who.auth)).id;
    const sa = await enrolAs(student, courseA.id);
    const sb = await enrolAs(student, courseB.id);
    const oa = await enrolAs(otherStudent, courseA.id);
    const tb = await enrolAs(third, courseB.id);

    await enrollment.StartLesson({ enrollment_id: sa, lesson_id: a1.id }, student.auth);
    await enrollment.UpdateLessonProgress({ enrollment_id: sa, lesson_id: a1.id, fields: ['time_spent_seconds'], time_spent_seconds: 120 }, student.auth);
    await enrollment.CompleteLesson({ enrollment_id: sa, lesson_id: a1.id }, student.auth);
    for (const l of [b1, b2]) await enrollment.CompleteLesson({ enrollment_id: sb, lesson_id: l.id }, student.auth); // course B completed
    await enrollment.ReviewEnrollment({ enrollment_id: sb, rating: 4, review: 'Clear and short, thanks.' }, student.auth);
    await enrollment.CompleteLesson({ enrollment_id: tb, lesson_id: b1.id }, third.auth);
    await enrollment.DropEnrollment({ enrollment_id: oa }, otherStudent.auth);

    const attempt = await quiz.StartAttempt({ quiz_id: created.id }, student.auth);
    await quiz.SubmitAttempt(
      { quiz_id: created.id, attempt_id: attempt.id, answers: [{ question_id: q1.id, selected_option_ids: q1.options.filter((o) => o.is_correct).map((o) => o.id) }] },
      student.auth,
    );
    await caughtUp(analyticsDb);
  }, 180_000);

  afterAll(async () => {
    for (const log of Object.values(logs)) log.close();
    for (const handle of opened) await handle.close().catch(() => undefined);
    await fleet?.close();
  });

  test('When analytics has caught up with a scripted history, then a rebuild from the event logs gives the same read models', async () => {
    const produced = await caughtUp(analyticsDb);
    const live = await dump(analyticsDb);
    expect(live.enrollments?.length).toBeGreaterThanOrEqual(4);

    const report = await rebuild(analyticsDb);
    const read = report.producers.reduce((n, p) => n + p.read, 0);
    expect(read).toBe(produced);
    expect(report.producers.every((p) => p.rejected === 0)).toBe(true);
    expect(await dump(analyticsDb)).toEqual(live);
    expect(await checkReadModels(analyticsDb)).toEqual([]);
  });

  test('When the logs are read, then no secret-carrying or internal event is served, and only analytics may read them', async () => {
    const secret = ['password_reset.requested', 'email_verification.requested', 'refresh_token.reused', 'quiz.regrade_requested', 'quiz.attempt_started', 'enrollment.access_scheduled'];
    const [{ n }] = await producerDbs.auth.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE type = 'email_verification.requested'`, { type: QueryTypes.SELECT });
    expect(Number(n)).toBeGreaterThan(0); // written and published, yet not in the log
    for (const name of REBUILD_PRODUCERS) {
      const asked = await logs[name].ReadEvents({ after_seq: '', limit: 2000, types: secret });
      expect(asked.events).toEqual([]);
      const all = await logs[name].ReadEvents({ after_seq: '', limit: 2000, types: [] });
      expect(all.events.length).toBeGreaterThan(0);
      const types = all.events.map((e) => (JSON.parse(e.cloud_event_json) as { type: string }).type);
      expect(types.filter((t) => secret.includes(t))).toEqual([]);
    }
    const asCatalog = createEventLogClient(fleet.enrollment!.address, 5000, 'catalog');
    try {
      await expectGrpcError(asCatalog.ReadEvents({ after_seq: '', limit: 0, types: [] }), GrpcStatus.PERMISSION_DENIED, 'EVENT_LOG.READER_NOT_ALLOWED');
    } finally {
      asCatalog.close();
    }
  });

  test('When a fresh analytics database is rebuilt after the fleet had data, then it equals the live one', async () => {
    await caughtUp(analyticsDb);
    const live = await dump(analyticsDb);
    // Its own database and vhost: it sees no live event, only the logs.
    const fresh = await startAnalytics({ label: 'an_rebuild_fresh', authAddress: fleet.auth!.address });
    opened.push(fresh);
    // The CLI's own path: its config (producers' addresses), migrations, clients signed as analytics.
    const config = {
      ...fresh.config,
      CATALOG_GRPC_ADDR: fleet.catalog!.address,
      ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address,
      QUIZ_GRPC_ADDR: fleet.quiz!.address,
      CERTIFICATE_GRPC_ADDR: fleet.certificate!.address,
      LOG_LEVEL: 'silent' as const,
    };
    let printed = '';
    await runRebuild(config, (text) => void (printed += text));
    for (const name of REBUILD_PRODUCERS) expect(printed).toMatch(new RegExp(`${name} +read \\d+, applied \\d+, duplicates 0, rejected 0`));
    expect(printed).toMatch(/took \d+\.\d s/);
    expect(await dump(fresh.service.sequelize)).toEqual(live);
    let checked = '';
    expect(await runCheck(config, (text) => void (checked += text))).toBe(true);
    expect(checked).toMatch(/every aggregate equals its recount/);
  });

  test('When events arrive live while a rebuild runs, then live and replayed copies count once', async () => {
    const { enrollment } = { enrollment: fleet.enrollment!.client };
    const late = await fleet.newUser('student', 'late');
    const courseIds = (await analyticsDb.query<{ course_id: string }>(`SELECT course_id::text AS course_id FROM courses ORDER BY course_id`, { type: QueryTypes.SELECT })).map((r) => r.course_id);
    const running = rebuild(analyticsDb);
    for (const courseId of courseIds) await enrollment.Enroll({ course_id: courseId }, late.auth).catch(() => undefined);
    await running;
    await caughtUp(analyticsDb);
    const live = await dump(analyticsDb);
    await rebuild(analyticsDb);
    expect(await dump(analyticsDb)).toEqual(live);
  });
});
