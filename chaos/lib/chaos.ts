import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../../bench/lib/processes';
// quiz's seeded generator (mulberry32): a run's choices are reproducible from CHAOS_SEED
import { createRandom } from '../../services/quiz/src/domain/random';
import { Api, Tally } from './client';
import { SERVICES, startChaosFleet, type ServiceName } from './fleet';
import { privateInfra, sharedInfra } from './infra';
import { checkInvariants, type InvariantReport } from './invariants';
import { learners, login, seedCourse, signUp, type Course, type Person } from './load';

/** The faults chaos knows; CHAOS_FAULTS picks a subset (comma-separated names). */
export const ALL_FAULTS = ['kill:auth', 'kill:catalog', 'kill:enrollment', 'kill:quiz', 'kill:analytics', 'kill:certificate', 'kill:gateway', 'restart:rabbitmq', 'restart:redis', 'restart:postgres', 'pause:analytics'] as const;
export type Fault = (typeof ALL_FAULTS)[number];

export interface ChaosOptions {
  durationS: number;
  seed: number;
  faults: Fault[];
  /** Concurrent virtual users. */
  users: number;
  students: number;
  courses: number;
  lessons: number;
  /** The quizzes' time limit (whole minutes: the quiz service's unit). */
  quizMinutes: number;
  pauseS: number;
  /** Share of quiz attempts left to their deadline (the rest are submitted). */
  abandonShare: number;
  certificates: boolean;
  /**
   * `private`: own PostgreSQL/RabbitMQ/Redis (scripts/infra.sh on portBase's ports), needed to restart them;
   * `shared`: new databases and a vhost on the shared servers (only the fleet's processes may be faulted).
   */
  infra: 'private' | 'shared';
  /** Private infrastructure's port base (see ./infra). */
  portBase: number;
  keep: boolean;
  log: (msg: string) => void;
}

export interface FaultResult {
  fault: Fault;
  at: number;
  /** ms from the fault until the killed process answers its health check / the restarted server is up / the paused one resumed. */
  backMs: number;
  /** ms from the fault to the first success of the probe that depends on it; null = none within 3 min. */
  recoveryMs: number | null;
  probe: string;
}

export interface ChaosReport {
  seconds: number;
  requests: number;
  byOperation: Record<string, number>;
  errorsByStatus: Record<string, number>;
  /** The first answer of every failing `operation status`. */
  errorSamples: Record<string, string>;
  load: { steps: number; failedSteps: number; lessonsAdded: number; abandonedAttempts: number };
  faults: FaultResult[];
  drainS: number;
  invariants: InvariantReport;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SUBMIT_GRACE_SECONDS = 2;

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const t0 = Date.now();
  const services = SERVICES.filter((s) => s !== 'certificate' || o.certificates);
  const infra = o.infra === 'private' ? privateInfra({ base: o.portBase, log: o.log }) : sharedInfra(services);
  if (o.infra === 'shared' && o.faults.some((f) => !f.startsWith('kill:'))) throw new Error('only kill: faults on the shared servers');
  const logDir = path.join(REPO, '.run', `chaos-${o.portBase}-logs`);
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch((err: Error) => o.log(`cleanup: ${err.message}`));
    if (!o.keep && o.infra === 'private') fs.rmSync(path.join(REPO, '.run', `chaos-infra-${o.portBase}`), { recursive: true, force: true });
  };
  // Ctrl-C / SIGTERM: the fleet and the private servers are stopped all the same, once
  let stopping = false;
  const onSignal = (code: number) => () => {
    if (stopping) return;
    stopping = true;
    void cleanup().finally(() => process.exit(code));
  };
  const onInt = onSignal(130);
  const onTerm = onSignal(143);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    // a fresh private instance every run (a kept one from CHAOS_KEEP=1 holds the last run's users and courses)
    if (o.infra === 'private') fs.rmSync(path.join(REPO, '.run', `chaos-infra-${o.portBase}`), { recursive: true, force: true });
    await infra.up();
    cleanups.push(() => infra.down());
    o.log(`starting ${services.join(', ')} and the gateway (logs in ${path.relative(REPO, logDir)})`);
    const fleet = await startChaosFleet({
      services,
      logDir,
      common: {
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        AMQP_URL: infra.amqpUrl,
        REDIS_URL: infra.redisUrl,
        OUTBOX_POLL_MS: '200',
        EVENT_RETRY_BASE_MS: '200',
        // a fault lasts seconds: enough retries that no healthy message is parked while a peer restarts
        EVENT_MAX_RETRIES: '10',
        GRPC_DEADLINE_MS: '10000',
      },
      perService: (name: ServiceName): Record<string, string> =>
        name === 'gateway'
          ? { REDIS_KEY_PREFIX: infra.redisKeyPrefix, RATE_LIMIT_GENERAL_PER_MIN: '100000000', RATE_LIMIT_LOGIN_PER_MIN: '100000', RATE_LIMIT_REGISTER_PER_MIN: '100000' }
          : {
              DATABASE_URL: infra.databaseUrl(name),
              ...(name === 'catalog' ? { REDIS_KEY_PREFIX: infra.redisKeyPrefix } : {}),
              ...(name === 'auth' ? { BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true', ACCESS_TOKEN_TTL_SECONDS: '7200', SMTP_URL: infra.smtpUrl } : {}),
              ...(name === 'quiz' ? { SUBMIT_GRACE_SECONDS: String(SUBMIT_GRACE_SECONDS) } : {}),
              ...(name === 'certificate' ? { CERTIFICATE_DIR: path.join(logDir, 'certificates'), PUBLIC_API_URL: 'http://127.0.0.1:8080' } : {}),
            },
    });
    cleanups.push(() => fleet.stop());

    // ------------------------------------------------------------------ seed (through the gateway)
    const tally = new Tally();
    const api = new Api(fleet.gatewayUrl, tally);
    const random = createRandom(o.seed);
    const teacher = await signUp(api, `teacher-${o.seed}`, 'instructor');
    const courses: Course[] = [];
    for (let i = 0; i < o.courses; i++) courses.push(await seedCourse(api, teacher, i, o.lessons, o.quizMinutes));
    const students: Person[] = [];
    for (let i = 0; i < o.students; i++) students.push(await signUp(api, `student-${o.seed}-${i}`, 'student'));
    // probe students: each event-flow probe enrols one of them in a course and waits for analytics to show it
    const probes: Person[] = [];
    for (let i = 0; i < o.faults.length + 1; i++) probes.push(await signUp(api, `probe-${o.seed}-${i}`, 'student'));
    o.log(`seeded ${o.courses} courses (${o.lessons} lessons + a ${o.quizMinutes}-minute quiz each), ${o.students} students; load for ${o.durationS} s, ${o.users} users`);

    // ------------------------------------------------------------------ probes
    const probeApi = new Api(fleet.gatewayUrl, new Tally(), 0);
    const ok = (s: number) => s >= 200 && s < 300;
    const simple: Record<string, () => Promise<boolean>> = {
      auth: async () => ok(await login(probeApi, probes[0])),
      catalog: async () => ok((await probeApi.once('probe', 'GET', `/api/v1/courses/${courses[0].id}`)).status),
      enrollment: async () => ok((await probeApi.once('probe', 'GET', '/api/v1/enrollments/my-courses', { token: probes[0].token })).status),
      quiz: async () => ok((await probeApi.once('probe', 'GET', `/api/v1/quizzes/${courses[0].quizId}/attempts?page_size=1`, { token: teacher.token })).status),
      analytics: async () => ok((await probeApi.once('probe', 'GET', '/api/v1/analytics/my-dashboard', { token: probes[0].token })).status),
      certificate: async () => ok((await probeApi.once('probe', 'GET', '/api/v1/certificates/my-certificates', { token: probes[0].token })).status),
      gateway: async () => ok((await probeApi.once('probe', 'GET', '/readyz')).status),
    };
    let probeN = 1;
    /** enrolment → outbox → RabbitMQ → analytics: true once analytics shows the new enrolment. */
    const eventFlow = () => {
      const who = probes[probeN++];
      let enrolled = false;
      return async () => {
        if (!enrolled) enrolled = ok((await probeApi.once('probe enrol', 'POST', '/api/v1/enrollments', { token: who.token, body: { course_id: courses[0].id } })).status);
        if (!enrolled) return false;
        const res = await probeApi.once('probe', 'GET', '/api/v1/analytics/my-dashboard', { token: who.token });
        return ok(res.status) && JSON.stringify(res.body).includes(courses[0].id);
      };
    };
    const until = async (probe: () => Promise<boolean>, from: number, limitMs = 180_000) => {
      while (Date.now() - from < limitMs) {
        if (await probe().catch(() => false)) return Date.now() - from;
        await sleep(100);
      }
      return null;
    };

    // ------------------------------------------------------------------ load + faults
    const load = learners(api, { teacher, students, courses, random, newLessonEvery: 0.02, abandonShare: o.abandonShare });
    const loadEnds = Date.now() + o.durationS * 1000;
    const running = load.run(o.users, () => Date.now() > loadEnds);
    const faults: FaultResult[] = [];
    const gap = (o.durationS * 1000) / (o.faults.length + 1);
    for (const [i, fault] of o.faults.entries()) {
      // the faults spread evenly over the load window
      await sleep(Math.max(0, loadEnds - o.durationS * 1000 + gap * (i + 1) - Date.now()));
      const [kind, target] = fault.split(':') as ['kill' | 'restart' | 'pause', string];
      o.log(`fault ${i + 1}/${o.faults.length}: ${fault}`);
      const at = Date.now();
      let from = at;
      let probeName: string;
      let probe: () => Promise<boolean>;
      if (kind === 'kill') {
        probeName = target === 'gateway' ? 'GET /readyz' : `a request served by ${target}`;
        probe = target === 'analytics' ? eventFlow() : simple[target];
        if (target === 'analytics') probeName = 'enrolment visible in analytics';
        await fleet.killAndRestart(target as ServiceName);
      } else if (kind === 'restart') {
        probeName = target === 'postgres' ? 'enrolment visible in analytics (every service writes)' : 'enrolment visible in analytics (events flow)';
        probe = eventFlow();
        if (target === 'redis') {
          probeName = 'login + enrolment visible in analytics';
          const flow = eventFlow();
          probe = async () => (await simple.auth()) && flow();
        }
        await infra.restart(target as 'postgres' | 'rabbitmq' | 'redis');
      } else {
        probeName = 'enrolment visible in analytics after the resume';
        probe = eventFlow();
        fleet.signal(target as ServiceName, 'SIGSTOP');
        await sleep(o.pauseS * 1000);
        fleet.signal(target as ServiceName, 'SIGCONT');
        from = Date.now();
      }
      const backMs = Date.now() - at;
      const recoveryMs = await until(probe, from);
      o.log(`  recovered in ${recoveryMs === null ? 'NEVER (3 min)' : `${recoveryMs} ms`} (${probeName})`);
      faults.push({ fault, at: at - t0, backMs, recoveryMs: recoveryMs === null ? null : recoveryMs + (from - at), probe: probeName });
    }
    await running;

    // ------------------------------------------------------------------ drain, then the invariants
    const drainFrom = Date.now();
    // attempts left to their deadline: closed at deadline + grace by quiz's timer
    const lastDeadline = o.abandonShare > 0 ? loadEnds + o.quizMinutes * 60_000 + SUBMIT_GRACE_SECONDS * 1000 : 0;
    o.log(`load done (${tally.requests} requests); draining until the last quiz deadline and the queues are empty`);
    await sleep(Math.max(0, lastDeadline - Date.now()));
    await waitQuiet(infra.mgmtUrl, infra.vhost, 120_000);
    // The invariants hold eventually (an event may still be between an outbox and an inbox, the management API's
    // queue figures lag by seconds): checked again every 5 s for up to 60 s; a real violation stays.
    const check = () =>
      checkInvariants({
        db: (s) => infra.databaseUrl(s),
        mgmtUrl: infra.mgmtUrl,
        vhost: infra.vhost,
        certificates: o.certificates,
        outboxMaxAgeSeconds: 30,
        submitGraceSeconds: SUBMIT_GRACE_SECONDS,
      });
    const settleBy = Date.now() + 60_000;
    let invariants = await check();
    while (Date.now() < settleBy && (invariants.checks.some((c) => c.violations.length) || invariants.lost.length || invariants.doubled.length)) {
      await sleep(5000);
      invariants = await check();
    }
    const drainS = (Date.now() - drainFrom) / 1000;
    return {
      seconds: (Date.now() - t0) / 1000,
      requests: tally.requests,
      byOperation: Object.fromEntries(tally.counts),
      errorsByStatus: tally.errorsByStatus(),
      errorSamples: Object.fromEntries(tally.samples),
      load: load.figures(),
      faults,
      drainS,
      invariants,
    };
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    if (!stopping) await cleanup();
  }
}

/** Until every work queue of the private broker is empty (delay queues hold future timers: ignored) three polls in a row. */
async function waitQuiet(mgmtUrl: string, vhost: string, limitMs: number) {
  const mgmt = new URL(mgmtUrl);
  const auth = `Basic ${Buffer.from(`${mgmt.username}:${mgmt.password}`).toString('base64')}`;
  const deadline = Date.now() + limitMs;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 3) {
    const res = await fetch(`${mgmt.origin}/api/queues/${encodeURIComponent(vhost)}?columns=name,messages`, { headers: { authorization: auth } }).catch(() => undefined);
    const queues = res?.ok ? ((await res.json()) as { name: string; messages: number }[]) : [];
    const busy = queues.filter((q) => !q.name.includes('.hold.') && !q.name.endsWith('.parking-lot') && q.messages > 0);
    quiet = res?.ok && busy.length === 0 ? quiet + 1 : 0;
    await sleep(1000);
  }
}

export function formatReport(r: ChaosReport, o: ChaosOptions): string {
  const inv = r.invariants;
  const violations = inv.checks.reduce((n, c) => n + c.violations.length, 0);
  const lines = [
    '',
    `== chaos under load (${o.infra} servers): ${o.durationS} s of load, seed ${o.seed}, ${o.users} users, ${o.students} students, ${o.courses} courses; total ${r.seconds.toFixed(0)} s (drain ${r.drainS.toFixed(0)} s) ==`,
    `requests sent: ${r.requests}  (steps ${r.load.steps}, failed after retries ${r.load.failedSteps}, lessons published during the load ${r.load.lessonsAdded}, attempts left to their deadline ${r.load.abandonedAttempts})`,
    `client errors by status: ${Object.keys(r.errorsByStatus).length ? Object.entries(r.errorsByStatus).map(([s, n]) => `${s}: ${n}`).join(', ') : 'none'}`,
    ...Object.entries(r.errorSamples).map(([k, body]) => `  first ${k}: ${body}`),
    '',
    'fault                    back      recovered  probe (recovered = its first success, both from the fault)',
    ...r.faults.map((f) => `${f.fault.padEnd(24)} ${`${(f.backMs / 1000).toFixed(1)} s`.padEnd(9)} ${(f.recoveryMs === null ? 'NONE' : `${(f.recoveryMs / 1000).toFixed(1)} s`).padEnd(10)} ${f.probe}`),
    '',
    'invariant                                                  checked  violations',
    ...inv.checks.flatMap((c) => [`${c.name.padEnd(58)} ${String(c.checked).padStart(7)}  ${c.violations.length}`, ...c.violations.slice(0, 5).map((v) => `    ${v}`)]),
    '',
    `invariant violations: ${violations}   messages lost: ${inv.lost.length}   doubled: ${inv.doubled.length}   parked: ${inv.parked.length}`,
    ...inv.lost.slice(0, 10).map((l) => `  lost: ${l}`),
    ...inv.doubled.slice(0, 10).map((d) => `  doubled: ${d}`),
    ...inv.parked.slice(0, 10).map((p) => `  parked: ${p}`),
    '',
    'statuses by operation: ' + Object.entries(r.byOperation).sort().map(([k, n]) => `${k}: ${n}`).join(', '),
  ];
  return lines.join('\n');
}
