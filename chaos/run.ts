/**
 * Chaos under load (make chaos): the fleet as processes on a PRIVATE PostgreSQL, RabbitMQ and Redis (scripts/infra.sh
 * on other ports, data under .run/), load through the gateway while each fault is injected in turn, then the
 * cross-service invariants from the services' own databases. Prints a report; exit code 1 when an invariant is
 * violated or a message was lost or doubled. See docs/chaos.md.
 *
 * Knobs: CHAOS_DURATION_S (240), CHAOS_SEED (1), CHAOS_FAULTS (all; comma-separated, e.g. kill:quiz,restart:rabbitmq),
 * CHAOS_USERS (8), CHAOS_STUDENTS (40), CHAOS_COURSES (2), CHAOS_LESSONS (3), CHAOS_PAUSE_S (20),
 * CHAOS_CERTIFICATES (1; 0 = without the certificate service), CHAOS_PORT_BASE (58000), CHAOS_KEEP=1 (keep the
 * private data directory), CHAOS_INFRA=shared (new databases and vhost on the shared servers of scripts/infra.sh
 * instead of a private instance: kill: faults only; what the jest suite does).
 */
import { envNumber } from '../bench/lib/infra';
import { ALL_FAULTS, formatReport, runChaos, type ChaosOptions, type Fault } from './lib/chaos';

const faults = (process.env.CHAOS_FAULTS ?? '').trim();
const chosen = faults ? (faults.split(',').map((f) => f.trim()) as Fault[]) : [...ALL_FAULTS];
const unknown = chosen.filter((f) => !ALL_FAULTS.includes(f));
if (unknown.length) throw new Error(`CHAOS_FAULTS: unknown ${unknown.join(', ')} (known: ${ALL_FAULTS.join(', ')})`);
const certificates = process.env.CHAOS_CERTIFICATES !== '0';

const options: ChaosOptions = {
  durationS: envNumber('CHAOS_DURATION_S', 240, true),
  seed: envNumber('CHAOS_SEED', 1, true),
  faults: chosen.filter((f) => certificates || f !== 'kill:certificate'),
  users: envNumber('CHAOS_USERS', 8, true),
  students: envNumber('CHAOS_STUDENTS', 40, true),
  courses: envNumber('CHAOS_COURSES', 2, true),
  lessons: envNumber('CHAOS_LESSONS', 3, true),
  quizMinutes: 1,
  pauseS: envNumber('CHAOS_PAUSE_S', 20, true),
  abandonShare: 0.25,
  infra: process.env.CHAOS_INFRA === 'shared' ? 'shared' : 'private',
  certificates,
  portBase: envNumber('CHAOS_PORT_BASE', 58000, true),
  keep: process.env.CHAOS_KEEP === '1',
  log: (msg) => process.stderr.write(`[chaos] ${msg}\n`),
};

runChaos(options).then(
  (report) => {
    process.stdout.write(formatReport(report, options) + '\n');
    const bad = report.invariants.checks.some((c) => c.violations.length) || report.invariants.lost.length || report.invariants.doubled.length;
    process.exit(bad ? 1 : 0);
  },
  (err: Error) => {
    process.stderr.write(`[chaos] failed: ${err.stack ?? err.message}\n`);
    process.exit(2);
  },
);
