import { startAuth, type TestAuth } from './support/auth';
import { newIp } from './support/gateway';
import { AUTH_LOCKOUTS_OFF, GENERAL, expect429, from, limitsHoldForTheSum, sharedLimitsEnv, startGatewayProcess, type GatewayProcess } from './support/replicas';

/**
 * Issue 18 point 4: the rate limits across two gateway PROCESSES — two real gateways started from the build
 * (gateway/dist) on their own ports, each with its own event loop, Redis connection and memory, as two pods — in
 * front of one Redis and one real auth (in-process here; the gateways reach it over gRPC). What counts is the SUM
 * of what both see: the general per-IP limit, the strict login limit per IP, and per email (per user, from any
 * address). replicas.test.ts proves the same with two servers in one process, and revocation across replicas.
 * Needs the build: `npx tsc -b libs/kit gateway`. No timing assertions: the windows are 10 minutes long.
 */
describe('Two gateway processes sharing Redis', () => {
  let auth: TestAuth;
  let a: GatewayProcess;
  let b: GatewayProcess;
  const replica = (i: number) => (i % 2 ? b : a);

  beforeAll(async () => {
    auth = await startAuth('replica_procs', AUTH_LOCKOUTS_OFF);
    const shared = sharedLimitsEnv('replica-procs');
    [a, b] = await Promise.all([startGatewayProcess(auth.address, shared), startGatewayProcess(auth.address, shared)]);
    expect(a.pid).not.toBe(b.pid);
    expect(a.base).not.toBe(b.base);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await auth?.stop();
  });

  limitsHoldForTheSum('processes', 'replica-proc', () => ({ a, b }));

  test('When the general budget is spent concurrently on both processes, then the limit is allowed in total and every other request is 429', async () => {
    const ip = newIp();
    const started = Date.now();
    const sent = await Promise.all(Array.from({ length: GENERAL * 2 }, (_, i) => replica(i).api.get('/healthz', { headers: from(ip) })));
    // GCRA earns one request back per window/limit (30 s): on a machine slow enough to take that long, what it
    // earned meanwhile is allowed too — a bound, not a timing assertion.
    const earned = Math.floor((Date.now() - started) / (600_000 / GENERAL));
    const allowed = sent.filter((r) => r.status === 200).length;
    expect(allowed).toBeGreaterThanOrEqual(GENERAL);
    expect(allowed).toBeLessThanOrEqual(GENERAL + earned);
    sent.filter((r) => r.status !== 200).forEach(expect429);
  });
});
