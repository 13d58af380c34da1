/**
 * Benchmark of certificate issuing END TO END: `enrollment.completed` → certificate row → PDF rendered by the one
 * Chromium of the certificate service and stored. Prints figures; not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b services/auth services/catalog services/enrollment services/quiz services/certificate
 *   npx tsx bench/certificates.ts                                               (or: make bench-certificates)
 *
 * auth, catalog, enrollment and quiz run as SEPARATE processes from their builds, each on a new `bench_*` database,
 * sharing a new vhost; the certificate service runs in a child process of this script (its build, started by
 * this same file with `--certificate-child`) so that it is one process with its own heap and its Chromium below
 * it, and so that the time spent in `PdfRenderer.render()` is measured inside it (its renderer is wrapped;
 * the timings come back over IPC). Certificates are stored on local disk under .run/bench-certificates-<run>/.
 *
 * Set-up (not measured): an instructor publishes a one-lesson course; BENCH_CERTIFICATES (200) students per run
 * register, sign in and enrol, through the services. Per RENDER_CONCURRENCY of BENCH_CERTIFICATES_CONCURRENCY
 * ("2,1"; a fresh certificate process each, same database):
 *   1. warm-up: one student completes the course; its certificate's PDF is waited for (Chromium's launch and the
 *      first page are paid here and reported apart as "cold");
 *   2. the N students complete the lesson (CompleteLesson, BENCH_CERTIFICATES_CLIENTS (16) calls at a time, real
 *      completions: enrollment emits `enrollment.completed` through its outbox); the certificate database is polled
 *      until every one of the N has `pdf_rendered_at`;
 *   3. from the rows: wall time = first `completion_date` → last `pdf_rendered_at`, certificates/s, p50/p99 of
 *      (pdf_rendered_at − completion_date) and of (issued_at − completion_date); from the child: p50/p99 of render();
 *      memory sampled every 250 ms: PSS summed over the Chromium process tree (/proc/<pid>/smaps_rollup of every
 *      descendant of the certificate process) and VmRSS of the certificate process — before, peak, and 2 s after.
 * Databases, vhost, Redis keys and files are removed at the end (also on Ctrl-C).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import { createAuthClient, createCatalogClient, createEnrollmentClient } from '@lms/kit/clients';
import { createDatabase as openDatabase } from '@lms/kit/db';
import { checkHealth } from '@lms/kit/grpc';
import { signUp, type TestUser } from '@lms/kit/testing';
import { cleanupStack, createDatabase, createVhost, envNumber, infra, redisKeysDropper, runId, type Resource } from './lib/infra';
import { REPO, freePort, startGrpcService, type ServiceProcess } from './lib/processes';

const N = envNumber('BENCH_CERTIFICATES', 200, true);
const CONCURRENCIES = (process.env.BENCH_CERTIFICATES_CONCURRENCY ?? '2,1').split(',').map((c) => Number(c.trim()));
const CLIENTS = envNumber('BENCH_CERTIFICATES_CLIENTS', 16, true);
/** A run that has not rendered every PDF by then is reported as incomplete. */
const RUN_TIMEOUT_MS = envNumber('BENCH_CERTIFICATES_TIMEOUT_S', 150) * 1000;
const SAMPLE_MS = 250;
const PREFIX = `lms:bench:${runId}:`;
const PASSWORD = 'Bench-Passw0rd!';
const DEADLINE_MS = 20_000;
const CERTIFICATE_DIST = path.join(REPO, 'services/certificate/dist/src');

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

// ---------------------------------------------------------------- the certificate child process

interface ChildStats {
  /** ms of every render() that resolved since the last stats message, from the call (waits for a page included). */
  renderMs: number[];
  /** ms of the same renders from the moment one of the RENDER_CONCURRENCY pages was theirs: the page's own work. */
  pageMs: number[];
  failedRenders: number;
  renderer: { browserPid: number | null; launches: number; rendered: number; failed: number } | null;
}

type ChildMessage = { type: 'ready'; port: number } | ({ type: 'stats' } & ChildStats) | { type: 'error'; error: string };

/**
 * In the child: the certificate service from its build, the render() of its renderer (`deps.renderer`, which every
 * use case calls through; nothing renders before the first event arrives) timed. The wrapper lets at most
 * RENDER_CONCURRENCY calls into the renderer (FIFO, as its own queue would) and times both spans: with the
 * pdf-render consumer's prefetch at RENDER_CONCURRENCY they are equal, and a gap shows jobs waiting in the process.
 */
async function runCertificateChild(): Promise<void> {
  const renderMs: number[] = [];
  const pageMs: number[] = [];
  let failedRenders = 0;
  let renderer: { render: (...args: unknown[]) => Promise<Buffer>; stats(): ChildStats['renderer'] } | undefined;
  const slots = { free: Number(process.env.RENDER_CONCURRENCY ?? 2), waiting: [] as (() => void)[] };
  const acquire = () => (slots.free > 0 ? (slots.free--, Promise.resolve()) : new Promise<void>((resolve) => slots.waiting.push(resolve)));
  const release = () => {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  };
  const timed = <R extends NonNullable<typeof renderer>>(r: R): R => {
    const render = r.render.bind(r);
    r.render = async (...args: unknown[]) => {
      const t0 = performance.now();
      await acquire();
      const t1 = performance.now();
      try {
        const pdf = await render(...args);
        const t2 = performance.now();
        renderMs.push(t2 - t0);
        pageMs.push(t2 - t1);
        return pdf;
      } catch (err) {
        failedRenders++;
        throw err;
      } finally {
        release();
      }
    };
    renderer = r;
    return r;
  };
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { loadCertificateConfig } = require(path.join(CERTIFICATE_DIST, 'config.js')) as typeof import('../services/certificate/src/config');
  const { start } = require(path.join(CERTIFICATE_DIST, 'main.js')) as typeof import('../services/certificate/src/main');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn', base: { service: 'certificate' } });
  const service = await start(loadCertificateConfig(process.env), logger as never);
  timed(service.deps.renderer as unknown as NonNullable<typeof renderer>);
  const send = (msg: ChildMessage) => process.send!(msg);
  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'stats') send({ type: 'stats', renderMs: renderMs.splice(0), pageMs: pageMs.splice(0), failedRenders, renderer: renderer!.stats() });
    if (msg.type === 'stop') void service.stop().finally(() => process.exit(0));
  });
  send({ type: 'ready', port: service.grpcPort });
}

interface CertificateProcess extends ServiceProcess {
  stats(): Promise<ChildStats>;
}

/** Starts this file as the certificate child (IPC channel); resolves once it is SERVING. */
async function startCertificateProcess(env: Record<string, string>, logFile: string): Promise<CertificateProcess> {
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, ['--require', 'tsx/cjs', __filename, '--certificate-child'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', out, out, 'ipc'],
  });
  fs.closeSync(out);
  const messages: ChildMessage[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (m: ChildMessage) => {
    messages.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async <T extends ChildMessage['type']>(type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = messages.findIndex((m) => m.type === type);
      if (i >= 0) return messages.splice(i, 1)[0] as Extract<ChildMessage, { type: T }>;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`certificate exited (${child.exitCode ?? child.signalCode}); see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`certificate: no ${type} after ${timeoutMs} ms; see ${logFile}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.send({ type: 'stop' });
    });
  try {
    const ready = await next('ready', 60_000);
    const address = `127.0.0.1:${ready.port}`;
    if ((await checkHealth(address, 2000)) !== 'SERVING') throw new Error('certificate: not SERVING');
    return {
      name: 'certificate',
      pid: child.pid!,
      address,
      stop,
      stats: async () => {
        child.send({ type: 'stats' });
        const { type: _type, ...stats } = await next('stats', 10_000);
        return stats;
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

// ---------------------------------------------------------------- memory of the certificate process and its Chromium

/** Every descendant of `root` (not `root` itself), from the parent pids in /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) for (const c of children.get(queue.shift()!) ?? []) queue.push(c), out.push(c);
  return out;
}

const kib = (file: string, field: string): number => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

interface MemorySample {
  /** PSS (KiB) summed over the Chromium tree; shared pages counted once across it. */
  chromiumPssKiB: number;
  chromiumProcesses: number;
  serviceRssKiB: number;
}

function sampleMemory(servicePid: number): MemorySample {
  const tree = descendants(servicePid);
  return {
    chromiumPssKiB: tree.reduce((sum, pid) => sum + kib(`/proc/${pid}/smaps_rollup`, 'Pss'), 0),
    chromiumProcesses: tree.length,
    serviceRssKiB: kib(`/proc/${servicePid}/status`, 'VmRSS'),
  };
}

/** Samples every SAMPLE_MS until stopped; returns the peak of each figure. */
function memoryPeaks(servicePid: number) {
  const peak: MemorySample = { chromiumPssKiB: 0, chromiumProcesses: 0, serviceRssKiB: 0 };
  const take = () => {
    const s = sampleMemory(servicePid);
    peak.chromiumPssKiB = Math.max(peak.chromiumPssKiB, s.chromiumPssKiB);
    peak.chromiumProcesses = Math.max(peak.chromiumProcesses, s.chromiumProcesses);
    peak.serviceRssKiB = Math.max(peak.serviceRssKiB, s.serviceRssKiB);
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

// ---------------------------------------------------------------- helpers

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface Learner {
  user: TestUser;
  enrollmentId: string;
}

interface RunFigures {
  concurrency: number;
  certificates: number;
  rendered: number;
  coldMs: number;
  wallMs: number;
  perSecond: number;
  issueP50: number;
  issueP99: number;
  e2eP50: number;
  e2eP99: number;
  renderP50: number;
  renderP99: number;
  pageP50: number;
  pageP99: number;
  renders: number;
  failedRenders: number;
  launches: number;
  pdfKiB: number;
  before: MemorySample;
  peak: MemorySample;
  after: MemorySample;
}

// ---------------------------------------------------------------- the benchmark

async function main() {
  // This process calls the services too (kit clients sign service tokens with the development secret they share).
  process.env.NODE_ENV ??= 'development';
  const cleanup = cleanupStack(log);
  const workDir = path.join(REPO, '.run', `bench-certificates-${runId}`);
  const logDir = path.join(workDir, 'logs');
  const runs: RunFigures[] = [];
  try {
    if (!fs.existsSync(path.join(CERTIFICATE_DIST, 'main.js'))) throw new Error('services/certificate is not built (npx tsc -b services/certificate; make bench-certificates does it)');
    fs.mkdirSync(logDir, { recursive: true });
    cleanup.push(async () => {
      if (process.env.BENCH_KEEP_LOGS === '1') log(`logs kept in ${logDir}`);
      fs.rmSync(process.env.BENCH_KEEP_LOGS === '1' ? path.join(workDir, 'data') : workDir, { recursive: true, force: true });
    });
    log(`run ${runId}: ${N} certificates per run, RENDER_CONCURRENCY ${CONCURRENCIES.join(', ')}; work dir ${path.relative(REPO, workDir)}`);

    // ---------------------------------------------------------------- databases, vhost, services
    const names = ['auth', 'catalog', 'enrollment', 'quiz', 'certificate'] as const;
    const dbs = await Promise.all(names.map((what) => createDatabase(`cert_${what}`)));
    cleanup.push(() => Promise.all(dbs.map((d: Resource) => d.drop())));
    const db = Object.fromEntries(names.map((n, i) => [n, dbs[i].url])) as Record<(typeof names)[number], string>;
    const vhost = await createVhost('cert');
    cleanup.push(() => vhost.drop());
    cleanup.push(await redisKeysDropper(PREFIX));
    const common = { NODE_ENV: 'development', LOG_LEVEL: 'warn', AMQP_URL: vhost.url, REDIS_URL: infra.redisUrl, OUTBOX_POLL_MS: '50' };
    const processes: ServiceProcess[] = [];
    cleanup.push(() => Promise.all(processes.splice(0).map((p) => p.stop())));
    // auth's enrolment-confirmation emails ask catalog for the course title, but auth starts before catalog (and
    // startGrpcService picks the ports): auth is pointed at a port nobody listens on and parks those emails at
    // once (EVENT_MAX_RETRIES 0) instead of retrying them through the measured runs. Not on the measured path.
    const nowhere = `127.0.0.1:${await freePort()}`;
    const auth = await startGrpcService(
      'auth',
      { ...common, DATABASE_URL: db.auth, BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true', ACCESS_TOKEN_TTL_SECONDS: '7200', CATALOG_GRPC_ADDR: nowhere, EVENT_MAX_RETRIES: '0' },
      logDir,
    );
    processes.push(auth);
    const catalog = await startGrpcService('catalog', { ...common, DATABASE_URL: db.catalog, AUTH_GRPC_ADDR: auth.address, REDIS_KEY_PREFIX: `${PREFIX}catalog:` }, logDir);
    processes.push(catalog);
    const enrollment = await startGrpcService('enrollment', { ...common, DATABASE_URL: db.enrollment, AUTH_GRPC_ADDR: auth.address, CATALOG_GRPC_ADDR: catalog.address }, logDir);
    processes.push(enrollment);
    const quiz = await startGrpcService(
      'quiz',
      { ...common, DATABASE_URL: db.quiz, AUTH_GRPC_ADDR: auth.address, CATALOG_GRPC_ADDR: catalog.address, ENROLLMENT_GRPC_ADDR: enrollment.address },
      logDir,
    );
    processes.push(quiz);
    const certificateEnv = (concurrency: number) => ({
      ...common,
      DATABASE_URL: db.certificate,
      GRPC_PORT: '0',
      AUTH_GRPC_ADDR: auth.address,
      CATALOG_GRPC_ADDR: catalog.address,
      ENROLLMENT_GRPC_ADDR: enrollment.address,
      QUIZ_GRPC_ADDR: quiz.address,
      STORAGE_PROVIDER: 'local',
      CERTIFICATE_DIR: path.join(workDir, 'data', 'certificates'),
      RENDER_CONCURRENCY: String(concurrency),
      PUBLIC_API_URL: 'http://127.0.0.1:8080',
    });

    const authClient = createAuthClient(auth.address, DEADLINE_MS);
    const catalogClient = createCatalogClient(catalog.address, DEADLINE_MS);
    const enrollmentClient = createEnrollmentClient(enrollment.address, DEADLINE_MS);
    cleanup.push(async () => [authClient, catalogClient, enrollmentClient].forEach((c) => c.close()));
    const certificateDb = openDatabase({ url: db.certificate, poolMax: 2 });
    cleanup.push(() => certificateDb.close());

    // ---------------------------------------------------------------- the course
    const instructor = await signUp(authClient, 'instructor', `bench-cert-${runId}`, PASSWORD);
    const course = await catalogClient.CreateCourse(
      { title: `Certificates bench ${runId}`, description: 'One lesson', category: 'Bench', difficulty_level: 'beginner', price_cents: 0, thumbnail_url: 'https://img.example/t.png' },
      instructor.auth,
    );
    const lesson = await catalogClient.CreateLesson({ course_id: course.id, title: 'The only lesson', lesson_type: 'text', content: '# Done', duration_minutes: 30 }, instructor.auth);
    await catalogClient.PublishLesson({ lesson_id: lesson.id }, instructor.auth);
    await catalogClient.PublishCourse({ course_id: course.id }, instructor.auth);

    const learners = async (count: number, tag: string): Promise<Learner[]> =>
      pool(Array.from({ length: count }), CLIENTS, async () => {
        const user = await signUp(authClient, 'student', `${tag}-${runId}`, PASSWORD);
        const enrolled = await enrollmentClient.Enroll({ course_id: course.id }, user.auth);
        return { user, enrollmentId: enrolled.id };
      });
    const complete = (l: Learner) => enrollmentClient.CompleteLesson({ enrollment_id: l.enrollmentId, lesson_id: lesson.id }, l.user.auth);
    const rows = (ids: string[]) =>
      certificateDb.query<{ completed: number; issued: number; rendered: number | null; size: number | null }>(
        `SELECT extract(epoch FROM completion_date) * 1000 AS completed, extract(epoch FROM issued_at) * 1000 AS issued,
                extract(epoch FROM pdf_rendered_at) * 1000 AS rendered, pdf_size AS size
           FROM certificates WHERE enrollment_id IN (:ids)`,
        { type: QueryTypes.SELECT, replacements: { ids } },
      );
    const waitRendered = async (ids: string[], timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // a poll that fails (the shared PostgreSQL busy: pool acquire timeout) is simply taken again
        const found = await rows(ids).catch((err: Error) => (log(`poll: ${err.message}`), null));
        if (!found) continue;
        const done = found.filter((r) => r.rendered !== null).length;
        if (done === ids.length || Date.now() > deadline) return found.map((r) => ({ ...r, completed: Number(r.completed), issued: Number(r.issued), rendered: r.rendered === null ? null : Number(r.rendered) }));
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    for (const concurrency of CONCURRENCIES) {
      const t0 = performance.now();
      const [warm, ...batch] = await learners(N + 1, `bench-cert-${concurrency}`);
      log(`RENDER_CONCURRENCY ${concurrency}: ${N + 1} students enrolled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const certificate = await startCertificateProcess(certificateEnv(concurrency), path.join(logDir, `certificate-${concurrency}.log`));
      processes.push(certificate);
      try {
        // warm-up: the first render launches Chromium
        await complete(warm);
        const [cold] = await waitRendered([warm.enrollmentId], 60_000);
        if (!cold?.rendered) throw new Error(`warm-up certificate not rendered in 60 s (see ${logDir})`);
        await certificate.stats(); // drop the warm-up's render time
        await new Promise((r) => setTimeout(r, 1000));
        const before = sampleMemory(certificate.pid);
        const sampler = memoryPeaks(certificate.pid);
        const ids = batch.map((l) => l.enrollmentId);
        await pool(batch, CLIENTS, complete);
        const found = await waitRendered(ids, RUN_TIMEOUT_MS);
        const peak = sampler.stop();
        await new Promise((r) => setTimeout(r, 2000));
        const after = sampleMemory(certificate.pid);
        const stats = await certificate.stats();
        const rendered = found.filter((r) => r.rendered !== null);
        const first = Math.min(...found.map((r) => r.completed));
        const last = Math.max(...rendered.map((r) => r.rendered!));
        const wallMs = last - first;
        runs.push({
          concurrency,
          certificates: found.length,
          rendered: rendered.length,
          coldMs: cold.rendered - cold.completed,
          wallMs,
          perSecond: rendered.length / (wallMs / 1000),
          issueP50: quantile(found.map((r) => r.issued - r.completed), 0.5),
          issueP99: quantile(found.map((r) => r.issued - r.completed), 0.99),
          e2eP50: quantile(rendered.map((r) => r.rendered! - r.completed), 0.5),
          e2eP99: quantile(rendered.map((r) => r.rendered! - r.completed), 0.99),
          renderP50: quantile(stats.renderMs, 0.5),
          renderP99: quantile(stats.renderMs, 0.99),
          pageP50: quantile(stats.pageMs, 0.5),
          pageP99: quantile(stats.pageMs, 0.99),
          renders: stats.renderMs.length,
          failedRenders: stats.failedRenders,
          launches: stats.renderer?.launches ?? 0,
          pdfKiB: rendered.reduce((s, r) => s + Number(r.size ?? 0), 0) / Math.max(1, rendered.length) / 1024,
          before,
          peak,
          after,
        });
        log(`RENDER_CONCURRENCY ${concurrency}: ${rendered.length}/${N} rendered in ${(wallMs / 1000).toFixed(1)} s`);
      } finally {
        await certificate.stop();
        processes.splice(processes.indexOf(certificate), 1);
      }
    }

    // ---------------------------------------------------------------- report
    const mib = (k: number) => (k / 1024).toFixed(0);
    const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '-');
    const header = ['RENDER_CONC', 'certs', 'wall s', 'certs/s', 'e2e p50/p99 ms', 'issue p50/p99 ms', 'render() p50/p99 ms', 'page p50/p99 ms', 'cold ms', 'PDF KiB', 'Chromium PSS MiB before/peak/after (procs)', 'service RSS MiB before/peak/after'];
    const table = runs.map((r) => [
      String(r.concurrency),
      `${r.rendered}/${r.certificates}`,
      (r.wallMs / 1000).toFixed(1),
      r.perSecond.toFixed(1),
      `${ms(r.e2eP50)} / ${ms(r.e2eP99)}`,
      `${ms(r.issueP50)} / ${ms(r.issueP99)}`,
      `${ms(r.renderP50)} / ${ms(r.renderP99)}`,
      `${ms(r.pageP50)} / ${ms(r.pageP99)}`,
      ms(r.coldMs),
      r.pdfKiB.toFixed(0),
      `${mib(r.before.chromiumPssKiB)} / ${mib(r.peak.chromiumPssKiB)} / ${mib(r.after.chromiumPssKiB)} (${r.peak.chromiumProcesses})`,
      `${mib(r.before.serviceRssKiB)} / ${mib(r.peak.serviceRssKiB)} / ${mib(r.after.serviceRssKiB)}`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
    process.stdout.write(
      [
        '',
        `certificates bench — ${N} completions per run, one Chromium, run ${runId} (${CLIENTS} completion calls at a time)`,
        line(header),
        ...table.map(line),
        '',
        'e2e = pdf_rendered_at − completion_date; issue = issued_at − completion_date; render() = time in PdfRenderer.render() in the service,',
        'waiting for a page included; page = from the moment one of the RENDER_CONCURRENCY pages was the render\'s',
        '',
      ].join('\n'),
    );
    process.stdout.write(`${JSON.stringify({ bench: 'certificates', runId, certificates: N, runs })}\n`);
  } finally {
    await cleanup.run();
  }
}

if (process.argv.includes('--certificate-child')) {
  runCertificateChild().catch((err: Error) => {
    process.stderr.write(`certificate child failed: ${err.stack ?? err.message}\n`);
    process.send?.({ type: 'error', error: err.message });
    process.exit(1);
  });
} else {
  main().catch((err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.exitCode = 1;
  });
}
