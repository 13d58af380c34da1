/**
 * Idle memory of the fleet: every process as `make run` starts it, next to bare `node` floors and the servers.
 * Prints figures; not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b              (every service and the gateway are started from their builds)
 *   npx tsx bench/idle-memory.ts                                  (or: make bench-memory)
 *
 * 1. A new `bench_memory_<service>_<run>` database per service and a new vhost; the seven services and then the
 *    gateway start as SEPARATE `node` processes from their builds, in scripts/run.sh's order, each waiting for the
 *    one before, with run.sh's settings (NODE_ENV=development, LOG_LEVEL=info, local storage under
 *    .run/bench-memory-<run>/, every <NAME>_GRPC_ADDR known to every process before the first starts — free ports
 *    picked up front — the gateway's HTTP and internal ports free ones).
 * 2. BENCH_MEMORY_DEMO=1 (default): the bootstrap admin and scripts/demo-data.js through the gateway, as `make run`
 *    does (users, courses, enrolments, completions, certificates: certificate's Chromium starts here); 0 skips it
 *    and measures the processes as they are right after start-up.
 * 3. Next to them, the floors, started at the same time as the idle wait: `node -e "setInterval(()=>{},1e3)"` and the
 *    same after `require('@lms/kit')` (what the shared plumbing's index costs by itself).
 * 4. Idle BENCH_IDLE_S (30) seconds, then per process: VmRSS (/proc/<pid>/status), PSS (/proc/<pid>/smaps_rollup:
 *    shared pages split between the processes sharing them) and, through a probe preloaded with `--require`
 *    (BENCH_MEMORY_PROBE=0 leaves it out), V8's heap used/total, external and array buffers plus the number of
 *    modules loaded per package (`require.cache`) — written when the probe gets SIGUSR2, only then.
 *    Chromium (every descendant of certificate) is summed apart. The servers of scripts/infra.sh (PIDs from .infra/*.pid,
 *    read only) with their process trees: PostgreSQL counts its postmaster, its background workers and the backends
 *    connected to this run's databases (not other clients' backends), RabbitMQ its whole node (shared), Redis, the
 *    capture mailbox and s3rver whole.
 * 5. One JSON line with every figure (KiB); the fleet total is the PSS sum of services, gateway, Chromium and servers.
 * Databases, vhost, Redis keys and the work directory are removed at the end (also on Ctrl-C).
 * Every process, the floors too, gets NODE_OPTIONS as scripts/run.sh sets it (BENCH_NODE_OPTIONS replaces it, "" = none)
 * and BENCH_NODE_FLAGS (see lib/processes.ts).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { cleanupStack, createDatabase, createVhost, envNumber, infra, redisKeysDropper, runId, type Resource } from './lib/infra';
import {
  DEPLOYED_MALLOC_ARENA_MAX as MALLOC_ARENA_MAX,
  DEPLOYED_NODE_OPTIONS as NODE_OPTIONS,
  REPO,
  deployedNodeEnv,
  freePort,
  startGatewayProcess,
  startGrpcService,
  type ServiceProcess,
} from './lib/processes';
import { descendants, epmdPids, infraServerPids, parents, postgresBackendDatabase, readProc } from './lib/proc';

const IDLE_S = envNumber('BENCH_IDLE_S', 30);
const DEMO = process.env.BENCH_MEMORY_DEMO !== '0';
const PROBE = process.env.BENCH_MEMORY_PROBE !== '0';
const PREFIX = `lms:bench:${runId}:`;
/** scripts/run.sh's order: each one waits for the one before it to be ready. */
const SERVICES = ['auth', 'catalog', 'enrollment', 'quiz', 'analytics', 'media', 'certificate'] as const;
const ADMIN_EMAIL = 'admin@lms.local';
const ADMIN_PASSWORD = 'Adm1n!Bench-memory';
const DEMO_PASSWORD = 'Demo!2026bench';

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const run = promisify(execFile);

/**
 * Preloaded into every measured process (`--require`): on SIGUSR2 it writes its heap figures and its loaded modules
 * counted per package to <dir>/<pid>.json. Nothing else: no timer, no handle keeps the process alive.
 */
const PROBE_SOURCE = `
const fs = require('node:fs'), path = require('node:path'), v8 = require('node:v8');
process.on('SIGUSR2', () => {
  const modules = {};
  for (const file of Object.keys(require.cache)) {
    const nm = file.lastIndexOf('/node_modules/');
    let key;
    if (nm >= 0) { const rest = file.slice(nm + 14).split('/'); key = rest[0].startsWith('@') ? rest[0] + '/' + rest[1] : rest[0]; }
    else { key = path.relative(process.env.BENCH_PROBE_REPO, file).split('/').slice(0, 2).join('/'); }
    modules[key] = (modules[key] || 0) + 1;
  }
  const m = process.memoryUsage();
  fs.writeFileSync(path.join(process.env.BENCH_PROBE_DIR, process.pid + '.json'), JSON.stringify({
    heapUsedKiB: Math.round(m.heapUsed / 1024), heapTotalKiB: Math.round(m.heapTotal / 1024),
    externalKiB: Math.round(m.external / 1024), arrayBuffersKiB: Math.round(m.arrayBuffers / 1024),
    spaces: Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1024)])),
    modules: Object.keys(require.cache).length, modulesByPackage: modules,
    // With BENCH_NODE_FLAGS=--expose-gc: the heap still live after a full GC (the rest is garbage no GC has needed
    // to collect yet). Measured after RSS and PSS were read.
    ...(typeof gc === 'function' ? (gc(), { heapLiveKiB: Math.round(process.memoryUsage().heapUsed / 1024) }) : {}),
  }));
});
`;

// ---------------------------------------------------------------- /proc

interface Mem {
  rssKiB: number;
  pssKiB: number;
}

function memOf(pid: number): Mem {
  const rss = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
  const pss = /^Pss:\s+(\d+) kB/m.exec(readProc(pid, 'smaps_rollup') ?? '');
  return { rssKiB: rss ? Number(rss[1]) : 0, pssKiB: pss ? Number(pss[1]) : 0 };
}

const sum = (mems: Mem[]): Mem & { processes: number } => ({
  rssKiB: mems.reduce((a, m) => a + m.rssKiB, 0),
  pssKiB: mems.reduce((a, m) => a + m.pssKiB, 0),
  processes: mems.length,
});

/** The servers of scripts/infra.sh, each with its process tree; PostgreSQL's backends of other clients left out. */
function servers(databases: string[]): Record<string, Mem & { processes: number; pid: number }> {
  const parentOf = parents();
  const out: Record<string, Mem & { processes: number; pid: number }> = {};
  for (const [name, pid] of Object.entries(infraServerPids(['postgresql', 'rabbitmq', 'redis', 'mail', 's3rver']))) {
    let pids = [pid, ...descendants(pid, parentOf)];
    if (name === 'postgresql') {
      // Background workers name no database; backends of other clients' databases are theirs.
      pids = pids.filter((p) => {
        const db = postgresBackendDatabase(p);
        return p === pid || db === undefined || databases.includes(db);
      });
    }
    if (name === 'rabbitmq') pids.push(...epmdPids(parentOf));
    out[name] = { pid, ...sum(pids.map(memOf)) };
  }
  return out;
}

// ---------------------------------------------------------------- processes

/** A bare floor: `node [flags] -e <code>` in the repository (so `require('@lms/kit')` resolves as the services'). */
function startFloor(code: string, flags: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...flags, '-e', code], { cwd: REPO, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: 'ignore' });
}

/** What the probe writes. */
interface Heap {
  heapUsedKiB: number;
  heapTotalKiB: number;
  externalKiB: number;
  arrayBuffersKiB: number;
  spaces: Record<string, number>;
  modules: number;
  modulesByPackage: Record<string, number>;
  heapLiveKiB?: number;
}

async function probe(pid: number, dir: string): Promise<Heap | undefined> {
  const file = path.join(dir, `${pid}.json`);
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return undefined;
  }
  for (let i = 0; i < 50; i++) {
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as Heap;
      } catch {
        /* still being written */
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

const mib = (kib: number) => (kib / 1024).toFixed(1).padStart(7);

async function main() {
  const cleanup = cleanupStack(log);
  const workDir = path.join(REPO, '.run', `bench-memory-${runId}`);
  const logDir = path.join(workDir, 'logs');
  const probeDir = path.join(workDir, 'probe');
  const floors: ChildProcess[] = [];
  try {
    fs.mkdirSync(logDir, { recursive: true });
    fs.mkdirSync(probeDir, { recursive: true });
    cleanup.push(async () => {
      if (process.env.BENCH_KEEP_LOGS === '1') log(`logs kept in ${logDir}`);
      else fs.rmSync(workDir, { recursive: true, force: true });
    });
    const probeFile = path.join(workDir, 'probe.js');
    fs.writeFileSync(probeFile, PROBE_SOURCE);
    // lib/processes.ts passes BENCH_NODE_FLAGS to every process it starts: the probe rides along with the caller's flags.
    const userFlags = (process.env.BENCH_NODE_FLAGS ?? '').trim();
    if (PROBE) process.env.BENCH_NODE_FLAGS = `${userFlags} --require ${probeFile}`.trim();
    log(`run ${runId}: idle ${IDLE_S} s, demo data ${DEMO ? 'on' : 'off'}, probe ${PROBE ? 'on' : 'off'}, NODE_OPTIONS "${NODE_OPTIONS}", MALLOC_ARENA_MAX "${MALLOC_ARENA_MAX}", node flags "${userFlags}"`);

    // ---------------------------------------------------------------- databases, vhost, ports
    const dbs: Resource[] = await Promise.all(SERVICES.map((name) => createDatabase(`memory_${name}`)));
    cleanup.push(() => Promise.all(dbs.map((d) => d.drop())));
    const vhost = await createVhost('memory');
    cleanup.push(() => vhost.drop());
    cleanup.push(await redisKeysDropper(PREFIX));
    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await freePort()] as const)));
    const addresses = Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_GRPC_ADDR`, `127.0.0.1:${ports[name]}`]));
    const gatewayPort = await freePort();
    // The floors get NODE_OPTIONS too: the same heap settings on both sides of the comparison.
    const processEnv: Record<string, string> = { ...(PROBE ? { BENCH_PROBE_DIR: probeDir, BENCH_PROBE_REPO: REPO } : {}), ...deployedNodeEnv() };
    // scripts/run.sh's environment: the infra URLs, development secrets' defaults, local storage, every address.
    const common: Record<string, string> = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      AMQP_URL: vhost.url,
      REDIS_URL: infra.redisUrl,
      SMTP_URL: infra.smtpUrl,
      STORAGE_PROVIDER: 'local',
      UPLOAD_DIR: path.join(workDir, 'media'),
      CERTIFICATE_DIR: path.join(workDir, 'certificates'),
      PUBLIC_API_URL: `http://127.0.0.1:${gatewayPort}`,
      ...addresses,
      // BENCH_METRICS=0: every process without its Prometheus endpoint (prom-client and its process metrics unloaded).
      ...(process.env.BENCH_METRICS === '0' ? { METRICS_ENABLED: 'false' } : {}),
      ...processEnv,
    };
    const processes: ServiceProcess[] = [];
    cleanup.push(() => Promise.all(processes.map((p) => p.stop())));
    for (const [i, name] of SERVICES.entries()) {
      const extra: Record<string, string> = name === 'catalog' ? { REDIS_KEY_PREFIX: `${PREFIX}catalog:` } : {};
      processes.push(await startGrpcService(name, { ...common, ...extra, DATABASE_URL: dbs[i].url }, logDir, ports[name]));
      log(`${name} ready (pid ${processes.at(-1)!.pid})`);
    }
    const gateway = await startGatewayProcess({ ...common, REDIS_KEY_PREFIX: `${PREFIX}gw:`, INTERNAL_PORT: String(await freePort()) }, logDir);
    processes.push(gateway);
    log(`gateway ready (pid ${gateway.pid}) on ${gateway.address}`);

    // ---------------------------------------------------------------- make run's demo data
    if (DEMO) {
      const t0 = Date.now();
      const dbEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn' };
      await run(process.execPath, ['services/auth/dist/src/cli/bootstrap-admin.js'], {
        cwd: REPO,
        env: { ...dbEnv, DATABASE_URL: dbs[0].url, AMQP_URL: vhost.url, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_FULL_NAME: 'Fleet Admin' },
      });
      await run(process.execPath, ['scripts/demo-data.js', gateway.address, ADMIN_EMAIL, ADMIN_PASSWORD, DEMO_PASSWORD], {
        cwd: REPO,
        env: dbEnv,
        maxBuffer: 16 * 1024 * 1024,
      });
      log(`demo data loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    // ---------------------------------------------------------------- floors, idle, figures
    const flags = (process.env.BENCH_NODE_FLAGS ?? '').trim().split(/\s+/).filter(Boolean);
    floors.push(startFloor('setInterval(()=>{},1e3)', flags, processEnv), startFloor("require('@lms/kit');setInterval(()=>{},1e3)", flags, processEnv));
    log(`idle ${IDLE_S} s`);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));

    const parentOf = parents();
    const figures: Record<string, Mem & { pid: number } & Partial<Heap>> = {};
    const measured = [
      ...processes.map((p) => ({ name: p.name, pid: p.pid })),
      { name: 'floor:node -e', pid: floors[0].pid! },
      { name: "floor:require('@lms/kit')", pid: floors[1].pid! },
    ];
    for (const { name, pid } of measured) {
      const mem = memOf(pid);
      const heap = PROBE ? await probe(pid, probeDir) : undefined;
      figures[name] = { pid, ...mem, ...(heap ?? {}) };
    }
    const certificate = processes.find((p) => p.name === 'certificate')!;
    const chromium = sum(descendants(certificate.pid, parentOf).map(memOf));
    const infraServers = servers(dbs.map((d) => d.name));
    const fleetPss = processes.reduce((a, p) => a + figures[p.name].pssKiB, 0) + chromium.pssKiB;
    const serversPss = Object.values(infraServers).reduce((a, s) => a + s.pssKiB, 0);

    // ---------------------------------------------------------------- print
    console.log(`\nidle memory after ${IDLE_S} s idle${DEMO ? ' (after the demo data)' : ' (right after start-up)'}, MiB`);
    console.log(`  ${'process'.padEnd(28)}    RSS     PSS    heap used/total  external  modules`);
    for (const { name } of measured) {
      const f = figures[name];
      const heap = f.heapUsedKiB === undefined ? '' : `${mib(f.heapUsedKiB)} /${mib(f.heapTotalKiB!)}  ${mib(f.externalKiB!)}  ${String(f.modules).padStart(6)}`;
      console.log(`  ${name.padEnd(28)}${mib(f.rssKiB)} ${mib(f.pssKiB)}  ${heap}`);
    }
    console.log(`  ${'chromium (certificate)'.padEnd(28)}${mib(chromium.rssKiB)} ${mib(chromium.pssKiB)}  (${chromium.processes} processes)`);
    for (const [name, s] of Object.entries(infraServers))
      console.log(`  ${`server:${name}`.padEnd(28)}${mib(s.rssKiB)} ${mib(s.pssKiB)}  (${s.processes} processes)`);
    console.log(`  fleet processes PSS ${mib(fleetPss)}   servers PSS ${mib(serversPss)}   total ${mib(fleetPss + serversPss)} MiB (goal ≤ 1024; ≤ 80 RSS per process)`);
    console.log(
      JSON.stringify({
        bench: 'idle-memory',
        run: runId,
        idleSeconds: IDLE_S,
        demo: DEMO,
        nodeOptions: NODE_OPTIONS,
        mallocArenaMax: MALLOC_ARENA_MAX,
        nodeFlags: userFlags,
        node: process.version,
        processes: figures,
        chromium,
        servers: infraServers,
        fleetProcessesPssKiB: fleetPss,
        serversPssKiB: serversPss,
        totalPssKiB: fleetPss + serversPss,
      }),
    );
  } finally {
    for (const f of floors) f.kill();
    await cleanup.run();
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.exitCode = 1;
  });
}
