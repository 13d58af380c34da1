import { QueryTypes } from 'sequelize';
import { recountMismatches } from '../src/app/ingest/recount';
import { scenario } from './ingest-scenario';
import { eventually, shuffled, startAnalyticsSuite, type AnalyticsSuite } from './support';

let s: AnalyticsSuite;
beforeAll(async () => {
  // One message at a time: the order of delivery is the order of publication.
  s = await startAnalyticsSuite('ingest_order', { EVENT_PREFETCH: '1', EVENT_MAX_RETRIES: '1', EVENT_RETRY_BASE_MS: '50' });
});
afterAll(async () => {
  await s?.close();
});

/** Ids differ between scenario() calls: compare with the one history, replayed. */
async function run(events: ReturnType<typeof scenario>['events']) {
  await s.reset();
  await s.publish(...events);
  await s.waitForHandled(events, 30_000);
  expect(await recountMismatches(s.service.deps.units.read)).toEqual([]);
  return s.dump();
}

test('the same history in order, reversed, shuffled and with duplicates gives identical tables', async () => {
  const { events } = scenario(s);
  const inOrder = await run(events);
  expect(inOrder.enrollments).toHaveLength(4);
  // Reversed: completed before started, dropped before created, reactivated before dropped, progressed v2
  // before v1, a profile change before the registration, a regrade before the grade, revocation before issue.
  expect(await run([...events].reverse())).toEqual(inOrder);
  expect(await run(shuffled(events, 7))).toEqual(inOrder);
  // Every event twice (same id), the copies shuffled in.
  expect(await run(shuffled([...events, ...events], 99))).toEqual(inOrder);
});

test('handled concurrently (many messages in flight, several transactions at once) the same history gives the same tables', async () => {
  const { events } = scenario(s);
  const sequential = await run(events);
  await s.restartService({ EVENT_PREFETCH: '64', DATABASE_POOL_MAX: '16' });
  try {
    expect(await run(shuffled([...events, ...events], 5))).toEqual(sequential);
    expect(await run([...events].reverse())).toEqual(sequential);
  } finally {
    await s.restartService({ EVENT_PREFETCH: '1' });
  }
});

test('a payload of the wrong shape is parked with nothing applied; the next event is handled', async () => {
  await s.reset();
  const { ids, events } = scenario(s);
  const created = events.find((e) => e.type === 'enrollment.created')!;
  const bad = s.fact('enrollment.created', { ...(created.data as Record<string, unknown>), student_id: 'not-a-uuid' });
  const wrongType = s.fact('lesson.completed', { enrollment_id: ids.e1, student_id: ids.s1, course_id: ids.c1, lesson_id: ids.l1, completed_at: 42 });
  const parkedBefore = await s.parkedCount();
  await s.publish(bad, wrongType);
  await s.publishRaw('enrollment.created', '{not json');
  const sentinel = s.fact('user.registered', { user_id: ids.s1, full_name: 'Ada', role: 'student', registered_at: '2026-03-01T10:00:00.000Z' });
  await s.publish(sentinel);
  await s.waitForHandled([sentinel]);
  await eventually(async () => expect(await s.parkedCount()).toBe(parkedBefore + 3), 20_000);
  const counts = await s.db.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM enrollments) + (SELECT count(*) FROM lesson_progress) + (SELECT count(*) FROM course_stats)
       + (SELECT count(*) FROM course_daily) + (SELECT count(*) FROM inbox WHERE event_id IN (:ids)) AS n`,
    { type: QueryTypes.SELECT, replacements: { ids: [bad.id, wrongType.id] } },
  );
  expect(Number(counts[0].n)).toBe(0);
});
