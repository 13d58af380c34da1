import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkHealth } from '@lms/kit/grpc';

/**
 * Services of a benchmark as separate `node` processes started from their builds (`npx tsc -b <workspace>`), as
 * `make run` starts them: each has its own heap and its own resident memory, which the RSS sampler below reads.
 */
export const REPO = path.resolve(__dirname, '../..');

export interface ServiceProcess {
  name: string;
  pid: number;
  /** gRPC `127.0.0.1:<port>` or the gateway's `http://127.0.0.1:<port>`. */
  address: string;
  stop(): Promise<void>;
}

/**
 * NODE_OPTIONS of every started process as scripts/run.sh sets it: V8's young generation capped (the image too) and
 * its heap limit below 2 GiB (run.sh only; see there). BENCH_NODE_OPTIONS replaces it ("" = node's defaults).
 */
export const DEPLOYED_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-semi-space-size=4 --max-old-space-size=1024';
/** MALLOC_ARENA_MAX as scripts/run.sh (and the image) set it; BENCH_MALLOC_ARENA_MAX replaces it ("" = glibc's default). */
export const DEPLOYED_MALLOC_ARENA_MAX = process.env.BENCH_MALLOC_ARENA_MAX ?? '2';

/** The two above as environment variables (the empty ones left out), for a started process. */
export function deployedNodeEnv(): Record<string, string> {
  return { ...(DEPLOYED_NODE_OPTIONS ? { NODE_OPTIONS: DEPLOYED_NODE_OPTIONS } : {}), ...(DEPLOYED_MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: DEPLOYED_MALLOC_ARENA_MAX } : {}) };
}

/**
 * The workspaces (`services/quiz`, `gateway`, `libs/kit`) whose build is not of their current sources: a .ts file
 * under src/ newer than dist/.tsbuildinfo (which `tsc -b` rewrites on every build), or a last build that failed
 * (its tsbuildinfo records errors or files still pending emit: dist may then mix old and new files). A bench started
 * from them would measure other code, or fail.
 */
export function staleBuilds(workspaces: string[]): string[] {
  const newest = (dir: string): number => {
    let t = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) t = Math.max(t, newest(file));
      else if (entry.name.endsWith('.ts')) t = Math.max(t, fs.statSync(file).mtimeMs);
    }
    return t;
  };
  return workspaces.filter((ws) => {
    const info = path.join(REPO, ws, 'dist', '.tsbuildinfo');
    if (!fs.existsSync(info) || newest(path.join(REPO, ws, 'src')) > fs.statSync(info).mtimeMs) return true;
    // TypeScript ≥ 5.6 writes the program state at the top level, older versions under `program`.
    const parsed = JSON.parse(fs.readFileSync(info, 'utf8')) as Record<string, unknown>;
    const program = (parsed.program ?? parsed) as Record<string, unknown>;
    return program.errors === true || (Array.isArray(program.affectedFilesPendingEmit) && program.affectedFilesPendingEmit.length > 0);
  });
}

/** A TCP port free right now on 127.0.0.1 (the OS picks it; the process that gets it binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Extra node flags from BENCH_NODE_FLAGS (space-separated; `{name}` and `{logs}` are replaced by the process's
 * name and log folder), e.g. `--cpu-prof --cpu-prof-dir={logs}/prof-{name}` (profiles are written at exit).
 */
function nodeFlags(name: string, logDir: string): string[] {
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').trim();
  return flags ? flags.split(/\s+/).map((f) => f.replaceAll('{name}', name).replaceAll('{logs}', logDir)) : [];
}

/** The last lines of a process's log, for an error message. */
function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/**
 * Starts `node <entry>` (relative to the repository) with exactly `env` (plus PATH/HOME), its output appended to
 * `logFile`; resolves once `ready()` answers true, rejects if the process exits first or after `timeoutMs`.
 */
async function startProcess(opts: {
  name: string;
  entry: string;
  env: Record<string, string>;
  logFile: string;
  address: string;
  ready: () => Promise<boolean>;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  const entry = path.join(REPO, opts.entry);
  if (!fs.existsSync(entry)) throw new Error(`${opts.name}: ${opts.entry} is not built (npx tsc -b first; make bench-media does it)`);
  const log = fs.openSync(opts.logFile, 'a');
  const child = spawn(process.execPath, [...nodeFlags(opts.name, path.dirname(opts.logFile)), entry], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...opts.env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const stop = stopper(child);
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${opts.name} exited (${child.exitCode ?? child.signalCode}); ${opts.logFile}:\n${tail(opts.logFile)}`);
    if (await opts.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name} not ready after ${opts.timeoutMs ?? 60_000} ms; ${opts.logFile}:\n${tail(opts.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { name: opts.name, pid: child.pid!, address: opts.address, stop };
}

/**
 * A gRPC service of the fleet (`services/<name>/dist/src/main.js`) on `port` (a free one by default: a caller that
 * must hand every address to every service before the first starts, as `make run` does, picks them itself);
 * ready = health SERVING.
 */
export async function startGrpcService(name: string, env: Record<string, string>, logDir: string, port?: number): Promise<ServiceProcess> {
  port ??= await freePort();
  const address = `127.0.0.1:${port}`;
  return startProcess({
    name,
    entry: `services/${name}/dist/src/main.js`,
    env: { ...env, GRPC_PORT: String(port) },
    logFile: path.join(logDir, `${name}.log`),
    address,
    ready: async () => (await checkHealth(address, 500)) === 'SERVING',
  });
}

/** The gateway (`gateway/dist/src/main.js`) on a free port; ready = GET /readyz 200. */
export async function startGatewayProcess(env: Record<string, string>, logDir: string): Promise<ServiceProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return startProcess({
    name: 'gateway',
    entry: 'gateway/dist/src/main.js',
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    logFile: path.join(logDir, 'gateway.log'),
    address: base,
    ready: async () => (await fetch(`${base}/readyz`)).ok,
  });
}

/** USER_HZ of /proc/<pid>/stat: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

export interface RssFigures {
  /** CPU seconds (user + system, /proc/<pid>/stat) the process spent between begin() and end(). */
  cpuSeconds: number;
  /** KiB, from /proc/<pid>/status VmRSS. */
  baselineKiB: number;
  peakKiB: number;
  growthKiB: number;
  samples: number;
}

/**
 * Samples VmRSS of the given processes every `intervalMs` in a worker thread (so a busy benchmark thread does not
 * delay the samples). `begin()` takes the baseline (one sample now) and starts tracking the peak; `end()` returns
 * baseline, peak and growth per pid.
 */
export function rssSampler(pids: number[], intervalMs = 20) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const ticks = (pid) => { const f = fs.readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); };
    const rss = (pid) => { const m = /VmRSS:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8')); return m ? Number(m[1]) : 0; };
    let state = null;
    const sample = () => {
      if (!state) return;
      for (const pid of workerData.pids) { try { const v = rss(pid); const s = state[pid]; s.peak = Math.max(s.peak, v); s.samples++; } catch {} }
    };
    const timer = setInterval(sample, workerData.intervalMs);
    parentPort.on('message', (msg) => {
      if (msg === 'begin') {
        state = {};
        for (const pid of workerData.pids) { const v = rss(pid); state[pid] = { baseline: v, peak: v, samples: 1, ticks: ticks(pid) }; }
        parentPort.postMessage('begun');
      } else if (msg === 'end') {
        sample();
        for (const pid of workerData.pids) { try { state[pid].ticks = ticks(pid) - state[pid].ticks; } catch {} }
        parentPort.postMessage(state);
        state = null;
      } else if (msg === 'close') { clearInterval(timer); parentPort.close(); }
    });
    `,
    { eval: true, workerData: { pids, intervalMs } },
  );
  const ask = <T>(msg: string) =>
    new Promise<T>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(msg);
    });
  return {
    begin: () => ask<string>('begin').then(() => undefined),
    end: async (): Promise<Record<number, RssFigures>> => {
      const state = await ask<Record<number, { baseline: number; peak: number; samples: number; ticks: number }>>('end');
      return Object.fromEntries(
        Object.entries(state).map(([pid, s]) => [Number(pid), { cpuSeconds: s.ticks / CLOCK_TICKS_PER_SECOND, baselineKiB: s.baseline, peakKiB: s.peak, growthKiB: s.peak - s.baseline, samples: s.samples }]),
      );
    },
    close: () => {
      worker.postMessage('close');
      return worker.terminate().then(() => undefined);
    },
  };
}
