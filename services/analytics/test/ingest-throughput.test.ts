import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { recountMismatches } from '../src/app/ingest/recount';
import { startAnalyticsSuite, type AnalyticsSuite, type CloudEvent } from './support';

/**
 * A throughput smoke test: a realistic mix of learning facts (many learners, a few courses) published as
 * fast as the broker takes them; reports events/s and the handling lag, and checks the aggregates still
 * equal a recount. ANALYTICS_INGEST_EVENTS sets the number of events (default 3,000).
 */
const TOTAL = Number(process.env.ANALYTICS_INGEST_EVENTS ?? 3000);

let s: AnalyticsSuite;
beforeAll(async () => {
  s = await startAnalyticsSuite('ingest_throughput', { DATABASE_POOL_MAX: process.env.ANALYTICS_POOL ?? '10', EVENT_PREFETCH: process.env.ANALYTICS_PREFETCH ?? '16' });
});
afterAll(async () => {
  await s?.close();
});

/** Learners of 20 courses, each: enrolment, then 5 lessons (started, time, completed, progressed); 50 learners at a time, interleaved. */
function history(total: number): CloudEvent<unknown>[] {
  const courses = Array.from({ length: 20 }, () => ({ id: randomUUID(), lessons: Array.from({ length: 10 }, () => randomUUID()) }));
  const base = Date.now() - 86_400_000;
  const learner = (n: number) => {
    const course = courses[n % courses.length];
    const ref = { enrollment_id: randomUUID(), student_id: randomUUID(), course_id: course.id };
    let clock = base + n * 1000;
    const at = () => new Date((clock += 1000)).toISOString();
    const out = [s.fact('enrollment.created', { ...ref, enrolled_at: at(), price_cents: 1000, currency: 'USD' })];
    for (const [i, lesson] of course.lessons.slice(0, 5).entries()) {
      const l = { ...ref, lesson_id: lesson };
      out.push(s.fact('lesson.started', { ...l, at: at() }));
      out.push(s.fact('lesson.time_recorded', { ...l, seconds: 60, total_seconds: 60, recorded_at: at() }));
      out.push(s.fact('lesson.completed', { ...l, completed_at: at() }));
      out.push(s.fact('enrollment.progressed', { ...ref, progress_percentage: (i + 1) * 10, completed_lessons_count: i + 1, total_lessons_count: 10, course_version: 1 }));
    }
    return out;
  };
  const events: CloudEvent<unknown>[] = [];
  for (let wave = 0; events.length < total; wave++) {
    const group = Array.from({ length: 50 }, (_, i) => learner(wave * 50 + i));
    for (let step = 0; step < group[0].length; step++) for (const g of group) events.push(g[step]);
  }
  return events.slice(0, total);
}

test(`ingests ${TOTAL} learning facts; aggregates equal a recount`, async () => {
  const events = history(TOTAL);
  const publishedAt = new Map<string, number>();
  const started = Date.now();
  // Published concurrently in a few lanes (as several producers would), each event's time of publication kept.
  const lanes = 8;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < events.length; i += lanes) {
        await s.publish(events[i]);
        publishedAt.set(events[i].id, Date.now());
      }
    }),
  );
  const published = Date.now();
  await s.waitForHandled(events, 300_000);
  const done = Date.now();
  // The inbox row's processed_at is its transaction's start: lag = handled − published (ms).
  const handled = await s.db.query<{ event_id: string; ms: string }>(`SELECT event_id, (extract(epoch FROM processed_at) * 1000)::bigint AS ms FROM inbox`, {
    type: QueryTypes.SELECT,
  });
  const lags = handled.filter((r) => publishedAt.has(r.event_id)).map((r) => Math.max(0, Number(r.ms) - publishedAt.get(r.event_id)!)).sort((a, b) => a - b);
  const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))];
  process.stdout.write(
    `ingest throughput: ${TOTAL} events, published in ${published - started} ms, all handled after ${done - started} ms => ` +
      `${Math.round((TOTAL * 1000) / (done - started))} events/s; lag p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${lags[lags.length - 1]} ms\n`,
  );
  expect(await recountMismatches(s.service.deps.units.read)).toEqual([]);
}, 600_000);

test(`drains a backlog of ${TOTAL} learning facts (the consumer alone: published while it was stopped)`, async () => {
  const events = history(TOTAL);
  await s.stopService();
  for (let i = 0; i < events.length; i += 100) await Promise.all(events.slice(i, i + 100).map((e) => s.publish(e)));
  const started = Date.now();
  await s.restartService();
  await s.waitForHandled(events, 300_000);
  const ms = Date.now() - started;
  process.stdout.write(`ingest backlog: ${TOTAL} events drained in ${ms} ms (restart included) => ${Math.round((TOTAL * 1000) / ms)} events/s\n`);
  expect(await recountMismatches(s.service.deps.units.read)).toEqual([]);
}, 600_000);
