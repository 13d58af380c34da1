/**
 * The short version of `make chaos` (docs/chaos.md): the fleet as processes from their builds, load through the
 * gateway, one service SIGKILLed and restarted in the middle of it, then the cross-service invariants.
 *
 * On the SHARED servers (new databases and vhost): a private PostgreSQL/RabbitMQ/Redis costs ~25 s to start and
 * stop, and a RabbitMQ restart under load another 40–60 s on a loaded 2-vCPU box — past the 90 s a suite of
 * `make test` may take. The server restarts are in `make chaos`. Fixed seed; no timing assertion.
 */
import { runChaos, type ChaosReport } from '../lib/chaos';

jest.setTimeout(300_000);

describe('chaos, short: SIGKILL of enrollment under load', () => {
  let report: ChaosReport;
  const log: string[] = [];

  beforeAll(async () => {
    report = await runChaos({
      durationS: 20,
      seed: 18,
      faults: ['kill:enrollment'],
      users: 4,
      students: 6,
      courses: 1,
      lessons: 2,
      // no time limit and no attempt left behind: a deadline is a minute away, too long for this suite
      quizMinutes: 0,
      abandonShare: 0,
      pauseS: 1,
      certificates: false,
      infra: 'shared',
      portBase: 0,
      keep: false,
      log: (msg) => log.push(msg),
    });
  });

  it('drove load through the gateway and recovered from the kill', () => {
    expect(report.requests).toBeGreaterThan(0);
    expect(report.faults.map((f) => [f.fault, f.recoveryMs === null ? 'never' : 'recovered'])).toEqual([['kill:enrollment', 'recovered']]);
  });

  it('keeps every invariant: no violation, nothing lost, nothing doubled, nothing parked', () => {
    const violations = Object.fromEntries(report.invariants.checks.map((c) => [c.name, c.violations]));
    expect(violations).toEqual(Object.fromEntries(report.invariants.checks.map((c) => [c.name, []])));
    expect(report.invariants.checks.find((c) => c.name.startsWith('enrollment progress'))!.checked).toBeGreaterThan(0);
    expect(report.invariants.lost).toEqual([]);
    expect(report.invariants.doubled).toEqual([]);
    expect(report.invariants.parked).toEqual([]);
  });
});
