/**
 * `make fuzz` — the long fuzzing run of issue 18 (the short one is gateway/test/fuzz.test.ts; both use the engine in
 * gateway/test/support/fuzz/). The whole fleet is started as separate `node` processes from their builds, as
 * deployed (so a crash really kills a process and is seen as one), on databases and a vhost of its own; then
 * requests generated from the served /openapi.json hit every route. Prints a report: requests per operation,
 * statuses, 5xx, crashes (a process that died), error-format violations, the seed and the duration.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b services/* gateway; npx tsx fuzz/run.ts
 *   FUZZ_REQUESTS (10000) · FUZZ_SEED (random, printed) · FUZZ_ONLY ('POST /api/v1/courses') · FUZZ_CONCURRENCY (4)
 *   FUZZ_KEEP_LOGS=1 keeps the processes' logs
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, createTestVhost, testEnv, type TestResource } from '@lms/kit/testing';
import { REPO, freePort, startGatewayProcess, startGrpcService, staleBuilds, type ServiceProcess } from '../bench/lib/processes';
import { cleanupStack, redisKeysDropper } from '../bench/lib/infra';
import { formatReport, runFuzz } from '../gateway/test/support/fuzz/engine';
import { prepareWorld } from '../gateway/test/support/fuzz/world';

const SERVICES = ['auth', 'catalog', 'enrollment', 'quiz', 'analytics', 'media', 'certificate'] as const;
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomBytes(4).readInt32LE() & 0x7fffffff;
const BODY_LIMIT_BYTES = 100 * 1024; // the gateway's default BODY_LIMIT
const runId = randomBytes(4).toString('hex');
const log = (line: string) => console.log(`[fuzz] ${line}`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const stale = staleBuilds([...SERVICES.map((s) => `services/${s}`), 'gateway', 'libs/kit']);
  if (stale.length) throw new Error(`not built from the current sources: ${stale.join(', ')} (npx tsc -b first; make fuzz does it)`);
  log(`seed ${SEED} (replay: FUZZ_SEED=${SEED} make fuzz), ${REQUESTS} requests`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-fuzz-'));
  const cleanup = cleanupStack(log);
  const prefix = `lms:fuzz:${runId}:`;
  try {
    const dbs: Record<string, TestResource> = {};
    for (const name of SERVICES) dbs[name] = await createTestDatabase(`fuzz_${name}`, { name: `fuzz_${name}_${runId}` });
    cleanup.push(() => Promise.all(Object.values(dbs).map((d) => d.drop())));
    const vhost = await createTestVhost('fuzz', { name: `fuzz_${runId}` });
    cleanup.push(() => vhost.drop());
    cleanup.push(await redisKeysDropper(prefix));
    cleanup.push(async () => (process.env.FUZZ_KEEP_LOGS === '1' ? log(`logs kept in ${workDir}`) : fs.rmSync(workDir, { recursive: true, force: true })));

    // Every address known before the first process starts, as `make run` does: each one reaches the others.
    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await freePort()] as const)));
    const addresses = Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_GRPC_ADDR`, `127.0.0.1:${ports[name]}`]));
    const common = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      AMQP_URL: vhost.url,
      REDIS_URL: testEnv.redisUrl,
      OUTBOX_POLL_MS: '100',
      PUBLIC_API_URL: 'http://127.0.0.1:8080', // only in URLs the answers carry
      ...addresses,
    };
    const own: Record<string, Record<string, string>> = {
      auth: { BCRYPT_COST: '4', ALLOW_INSTRUCTOR_SIGNUP: 'true', LOGIN_IP_MAX_FAILURES: '100000' },
      catalog: { REDIS_KEY_PREFIX: `${prefix}catalog:` },
      media: { STORAGE_PROVIDER: 'local', UPLOAD_DIR: path.join(workDir, 'uploads') },
      certificate: { STORAGE_PROVIDER: 'local', CERTIFICATE_DIR: path.join(workDir, 'certificates') },
    };
    const processes: ServiceProcess[] = [];
    cleanup.push(() => Promise.all(processes.splice(0).map((p) => p.stop())));
    for (const name of SERVICES) {
      processes.push(await startGrpcService(name, { ...common, ...own[name], DATABASE_URL: dbs[name].url }, workDir, ports[name]));
      log(`${name} pid ${processes.at(-1)!.pid}`);
    }
    const gateway = await startGatewayProcess(
      {
        ...common,
        REDIS_KEY_PREFIX: `${prefix}gw:`,
        RATE_LIMIT_GENERAL_PER_MIN: '1000000',
        RATE_LIMIT_LOGIN_PER_MIN: '1000000',
        RATE_LIMIT_REGISTER_PER_MIN: '1000000',
        RATE_LIMIT_BULK_ENROLL_PER_MIN: '1000000',
        RATE_LIMIT_UPLOADS_PER_HOUR: '1000000',
        CERTIFICATE_VERIFY_PER_MINUTE: '1000000',
      },
      workDir,
    );
    processes.push(gateway);
    log(`gateway pid ${gateway.pid} ${gateway.address}`);

    const admin = { email: `fuzz-admin-${runId}@example.com`, password: `Fz-${randomBytes(6).toString('hex')}-A1` };
    execFileSync(process.execPath, [path.join(REPO, 'services/auth/dist/src/cli/bootstrap-admin.js')], {
      // The services' bcrypt cost: at the default (12) each admin sign-in costs seconds of CPU on a busy box.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', BCRYPT_COST: '4', DATABASE_URL: dbs.auth.url, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ADMIN_FULL_NAME: 'Fuzz Admin', AMQP_URL: vhost.url, REDIS_URL: testEnv.redisUrl },
      stdio: 'ignore',
    });
    const world = await prepareWorld(gateway.address, admin);

    // A process that dies during the run is a crash, whatever the answers said.
    const crashes: string[] = [];
    const watch = setInterval(() => {
      for (const p of processes) if (!alive(p.pid) && !crashes.some((c) => c.startsWith(p.name))) crashes.push(`${p.name} (pid ${p.pid}) died; log ${path.join(workDir, `${p.name}.log`)}`);
    }, 500);
    const report = await runFuzz({
      base: gateway.address,
      seed: SEED,
      requests: REQUESTS,
      callers: world.callers,
      known: world.known,
      bodyLimitBytes: BODY_LIMIT_BYTES,
      concurrency: Number(process.env.FUZZ_CONCURRENCY ?? 4),
      only: process.env.FUZZ_ONLY,
      log,
    });
    clearInterval(watch);
    for (const p of processes) if (!alive(p.pid) && !crashes.some((c) => c.startsWith(p.name))) crashes.push(`${p.name} (pid ${p.pid}) died`);
    const ready = await fetch(`${gateway.address}/readyz`).then((r) => r.status, (err: Error) => `unreachable (${err.message})`);
    console.log(formatReport(report, [`crashes: ${crashes.length}${crashes.length ? ` — ${crashes.join('; ')}` : ''} · gateway /readyz after the run: ${ready}`]));
    const failed = report.violations.length > 0 || crashes.length > 0 || ready !== 200;
    if (failed) process.exitCode = 1;
    if (failed) process.env.FUZZ_KEEP_LOGS = '1';
  } finally {
    await cleanup.run();
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
