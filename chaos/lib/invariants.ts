import { Client } from 'pg';

/**
 * The promises of the fleet, checked after the load and a drain from the services' OWN databases (read-only SQL)
 * and RabbitMQ's management API. Each check returns its violations (goal: none), each one line a person can follow.
 */
export interface Check {
  name: string;
  checked: number;
  violations: string[];
}

export interface InvariantReport {
  checks: Check[];
  lost: string[];
  doubled: string[];
  parked: string[];
}

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET default_transaction_read_only = on');
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function checkInvariants(opts: {
  db: (service: string) => string;
  mgmtUrl: string;
  vhost: string;
  certificates: boolean;
  /** An outbox row unsent for longer than this is a violation. */
  outboxMaxAgeSeconds: number;
  /** quiz's SUBMIT_GRACE_SECONDS: an attempt past deadline + grace must be closed. */
  submitGraceSeconds: number;
}): Promise<InvariantReport> {
  const checks: Check[] = [];
  const doubled: string[] = [];
  const enr = opts.db('enrollment');
  const quiz = opts.db('quiz');
  const ana = opts.db('analytics');
  const vhost = encodeURIComponent(opts.vhost);

  // 1. every completion counted exactly once: the aggregate equals the completed countable lessons of its version
  const progress = await query<{ id: string; stored: number; actual: string; stored_total: number; version_total: number | null }>(
    enr,
    `SELECT e.id, e.completed_lessons_count AS stored,
            (SELECT count(*) FROM lesson_progress lp
               JOIN course_lessons cl ON cl.course_id = e.course_id AND cl.version = e.course_version AND cl.lesson_id = lp.lesson_id AND cl.countable
              WHERE lp.enrollment_id = e.id AND lp.status = 'completed') AS actual,
            e.total_lessons_count AS stored_total, v.total_countable AS version_total
       FROM enrollments e LEFT JOIN course_versions v ON v.course_id = e.course_id AND v.version = e.course_version`,
  );
  checks.push({
    name: 'enrollment progress = its completed countable lessons',
    checked: progress.length,
    violations: progress.filter((r) => Number(r.actual) !== r.stored).map((r) => `enrolment ${r.id}: stored ${r.stored}, counted ${r.actual}`),
  });
  checks.push({
    name: "enrollment total = its course version's countable lessons",
    checked: progress.length,
    violations: progress
      .filter((r) => r.version_total === null || Number(r.version_total) !== r.stored_total)
      .map((r) => `enrolment ${r.id}: total ${r.stored_total}, version has ${r.version_total ?? 'no row'}`),
  });

  // 2. exactly one enrollment.completed per completed enrolment, none for the others
  const completed = await query<{ id: string; completed: boolean; events: string }>(
    enr,
    `SELECT e.id, e.completed_at IS NOT NULL AS completed, count(o.id) AS events
       FROM enrollments e LEFT JOIN outbox o ON o.type = 'enrollment.completed' AND o.payload->'data'->>'enrollment_id' = e.id::text
      GROUP BY e.id, e.completed_at`,
  );
  const completedIds = completed.filter((r) => r.completed).map((r) => r.id);
  checks.push({
    name: 'one enrollment.completed per completed enrolment',
    checked: completed.length,
    violations: completed.filter((r) => Number(r.events) !== (r.completed ? 1 : 0)).map((r) => `enrolment ${r.id}: completed=${r.completed}, ${r.events} events`),
  });
  doubled.push(...completed.filter((r) => Number(r.events) > 1).map((r) => `enrollment.completed ×${r.events} for ${r.id}`));

  // 3. one certificate per completed enrolment
  if (opts.certificates) {
    const certs = await query<{ enrollment_id: string; n: string }>(opts.db('certificate'), `SELECT enrollment_id, count(*) AS n FROM certificates GROUP BY enrollment_id`);
    const byEnrolment = new Map(certs.map((c) => [c.enrollment_id, Number(c.n)]));
    checks.push({
      name: 'one certificate per completed enrolment',
      checked: completedIds.length,
      violations: [
        ...completedIds.filter((id) => byEnrolment.get(id) !== 1).map((id) => `enrolment ${id}: ${byEnrolment.get(id) ?? 0} certificates`),
        ...[...byEnrolment.keys()].filter((id) => !completedIds.includes(id)).map((id) => `certificate for enrolment ${id}, which is not completed`),
      ],
    });
  }

  // 4. attempts past their deadline closed, and graded exactly once (one quiz.graded each)
  const attempts = await query<{ id: string; status: string; overdue: boolean; graded: string }>(
    quiz,
    `SELECT a.id, a.status, (a.deadline_at IS NOT NULL AND a.deadline_at + make_interval(secs => ${opts.submitGraceSeconds}) < now() - interval '5 seconds') AS overdue,
            (SELECT count(*) FROM outbox o WHERE o.type = 'quiz.graded' AND o.payload->'data'->>'attempt_id' = a.id::text) AS graded
       FROM attempts a`,
  );
  checks.push({
    name: 'attempts past their deadline closed',
    checked: attempts.filter((a) => a.overdue).length,
    violations: attempts.filter((a) => a.overdue && a.status === 'in_progress').map((a) => `attempt ${a.id} still in progress`),
  });
  checks.push({
    name: 'graded attempts graded exactly once',
    checked: attempts.filter((a) => a.status === 'graded').length,
    violations: attempts.filter((a) => Number(a.graded) !== (a.status === 'graded' ? 1 : 0)).map((a) => `attempt ${a.id} (${a.status}): ${a.graded} quiz.graded`),
  });
  doubled.push(...attempts.filter((a) => Number(a.graded) > 1).map((a) => `quiz.graded ×${a.graded} for ${a.id}`));

  // 5. analytics' counters equal the owners' counts
  const owners = await query<{ course_id: string; enrollments: string; completed: string }>(
    enr,
    `SELECT course_id, count(*) AS enrollments, count(*) FILTER (WHERE status = 'completed') AS completed FROM enrollments GROUP BY course_id`,
  );
  const stats = new Map(
    (await query<{ course_id: string; enrollments: number; completed: number }>(ana, `SELECT course_id, enrollments, completed FROM course_stats`)).map((s) => [s.course_id, s]),
  );
  checks.push({
    name: 'analytics course_stats = enrollment counts',
    checked: owners.length,
    violations: owners
      .filter((o) => stats.get(o.course_id)?.enrollments !== Number(o.enrollments) || stats.get(o.course_id)?.completed !== Number(o.completed))
      .map((o) => `course ${o.course_id}: enrollment ${o.enrollments}/${o.completed}, analytics ${stats.get(o.course_id)?.enrollments ?? '-'}/${stats.get(o.course_id)?.completed ?? '-'} (enrolments/completed)`),
  });
  const lessonOwners = await query<{ lesson_id: string; completed: string }>(enr, `SELECT lesson_id, count(*) AS completed FROM lesson_progress WHERE status = 'completed' GROUP BY lesson_id`);
  const lessonStats = new Map((await query<{ lesson_id: string; completed: number }>(ana, `SELECT lesson_id, completed FROM lesson_stats`)).map((s) => [s.lesson_id, s.completed]));
  checks.push({
    name: 'analytics lesson_stats.completed = completed lesson progress',
    checked: lessonOwners.length,
    violations: lessonOwners.filter((o) => lessonStats.get(o.lesson_id) !== Number(o.completed)).map((o) => `lesson ${o.lesson_id}: enrollment ${o.completed}, analytics ${lessonStats.get(o.lesson_id) ?? '-'}`),
  });
  const quizOwners = await query<{ quiz_id: string; graded: string; passed: string }>(
    quiz,
    `SELECT quiz_id, count(*) FILTER (WHERE status = 'graded') AS graded, count(*) FILTER (WHERE status = 'graded' AND passed) AS passed FROM attempts GROUP BY quiz_id`,
  );
  const quizStats = new Map((await query<{ quiz_id: string; graded_attempts: number; passed_attempts: number }>(ana, `SELECT quiz_id, graded_attempts, passed_attempts FROM quiz_stats`)).map((s) => [s.quiz_id, s]));
  checks.push({
    name: 'analytics quiz_stats = graded/passed attempts',
    checked: quizOwners.length,
    violations: quizOwners
      .filter((o) => quizStats.get(o.quiz_id)?.graded_attempts !== Number(o.graded) || quizStats.get(o.quiz_id)?.passed_attempts !== Number(o.passed))
      .map((o) => `quiz ${o.quiz_id}: quiz ${o.graded}/${o.passed}, analytics ${quizStats.get(o.quiz_id)?.graded_attempts ?? '-'}/${quizStats.get(o.quiz_id)?.passed_attempts ?? '-'} (graded/passed)`),
  });

  // 6. no outbox row left unsent
  const producers = ['auth', 'catalog', 'enrollment', 'quiz', ...(opts.certificates ? ['certificate'] : [])];
  const unsent: string[] = [];
  let outboxRows = 0;
  for (const service of producers) {
    const [row] = await query<{ total: string; old: string }>(
      opts.db(service),
      `SELECT count(*) AS total, count(*) FILTER (WHERE published_at IS NULL AND created_at < now() - make_interval(secs => ${opts.outboxMaxAgeSeconds})) AS old FROM outbox`,
    );
    outboxRows += Number(row.total);
    if (Number(row.old) > 0) unsent.push(`${service}: ${row.old} outbox rows unsent for more than ${opts.outboxMaxAgeSeconds} s`);
  }
  checks.push({ name: `no outbox row unsent after ${opts.outboxMaxAgeSeconds} s`, checked: outboxRows, violations: unsent });

  // 7. lost: every published event of a type a queue is bound to is in that consumer's inbox
  const mgmt = new URL(opts.mgmtUrl);
  const auth = `Basic ${Buffer.from(`${decodeURIComponent(mgmt.username)}:${decodeURIComponent(mgmt.password)}`).toString('base64')}`;
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${mgmt.origin}/api${path}`, { headers: { authorization: auth } });
    if (!res.ok) throw new Error(`RabbitMQ management ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const bindings = await api<{ source: string; destination: string; destination_type: string; routing_key: string }[]>(`/bindings/${vhost}`);
  const consumersOf = new Map<string, string[]>(); // queue → routing keys
  for (const b of bindings) {
    if (b.source !== 'lms.events' || b.destination_type !== 'queue' || b.routing_key.includes('*') || b.routing_key.includes('#')) continue;
    consumersOf.set(b.destination, [...(consumersOf.get(b.destination) ?? []), b.routing_key]);
  }
  const inboxOwner: Record<string, string> = {};
  for (const queue of consumersOf.keys()) inboxOwner[queue] = queue.split('.')[0];
  const published = new Map<string, { id: string; source: string }[]>(); // type → events
  for (const service of producers) {
    for (const row of await query<{ id: string; type: string }>(opts.db(service), `SELECT id, type FROM outbox WHERE published_at IS NOT NULL`))
      published.set(row.type, [...(published.get(row.type) ?? []), { id: row.id, source: service }]);
  }
  const lost: string[] = [];
  for (const [queue, keys] of consumersOf) {
    const owner = inboxOwner[queue];
    const expected = keys.flatMap((k) => published.get(k) ?? []);
    // a service's own internal events (timers, jobs) are not in its event log the same way: compared like the others
    if (!expected.length) continue;
    let seen: Set<string>;
    try {
      seen = new Set((await query<{ event_id: string }>(opts.db(owner), `SELECT event_id FROM inbox WHERE consumer = '${queue.replaceAll("'", "''")}'`)).map((r) => r.event_id));
    } catch {
      continue; // a queue of a service not in this fleet
    }
    for (const e of expected) if (!seen.has(e.id)) lost.push(`${queue}: event ${e.id} from ${e.source} never handled`);
  }

  // 8. the parking lots: empty, or every message listed with why it is there
  const queues = await api<{ name: string; messages: number }[]>(`/queues/${vhost}?columns=name,messages`);
  const parked: string[] = [];
  for (const q of queues.filter((x) => x.name.endsWith('.parking-lot') && x.messages > 0)) {
    const res = await fetch(`${mgmt.origin}/api/queues/${vhost}/${encodeURIComponent(q.name)}/get`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ count: 20, ackmode: 'ack_requeue_true', encoding: 'auto' }),
    });
    const msgs = res.ok ? ((await res.json()) as { routing_key: string; properties: { headers?: Record<string, unknown> }; payload: string }[]) : [];
    for (const m of msgs) {
      const h = m.properties.headers ?? {};
      const reason = h['x-last-error'] ?? h['x-error'] ?? JSON.stringify(h['x-death'] ?? h).slice(0, 200);
      parked.push(`${q.name}: ${m.routing_key} — ${String(reason)}`);
    }
    if (q.messages > msgs.length) parked.push(`${q.name}: ${q.messages - msgs.length} more`);
  }
  return { checks, lost, doubled, parked };
}
