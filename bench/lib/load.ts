import { Worker } from 'node:worker_threads';

/**
 * A small closed-loop HTTP load generator (autocannon is not a dependency of this repository): N
 * connections, each sending the next request as soon as the previous response has been read, over
 * keep-alive sockets. It runs in its own worker thread, so it never shares an event loop with the
 * server being measured. Bounded in time and in request count; refuses any host but 127.0.0.1.
 */
export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Measured phase. */
  durationMs: number;
  /** Unrecorded phase before it (JIT, pools, caches). */
  warmupMs: number;
  /** Hard cap on measured requests (memory for latencies: 8 bytes each). */
  maxRequests?: number;
  /** Per-request timeout; a timeout counts as an error. */
  timeoutMs?: number;
  /** Statuses that are not errors (default 200 only; a conditional GET also expects 304). */
  okStatuses?: number[];
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  bytesPerResponse: number;
  /** Content-Encoding of the answers counted (identity when none); bytes are as sent, not decompressed. */
  encodings: Record<string, number>;
}

// Plain JavaScript, evaluated in the worker (no TypeScript loader needed there).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const o = workerData;
const u = new URL(o.url);
if (u.protocol !== 'http:' || u.hostname !== '127.0.0.1') throw new Error('load generator: 127.0.0.1 over http only');
const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
const latencies = new Float64Array(o.maxRequests);
let recorded = 0, errors = 0, bytes = 0, ok = 0;
const statuses = {};
const encodings = {};

function one() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'GET', headers: o.headers, agent },
      (res) => {
        let n = 0;
        res.on('data', (c) => { n += c.length; });
        res.on('end', () => resolve({ status: res.statusCode, ns: Number(process.hrtime.bigint() - t0), n, encoding: res.headers['content-encoding'] || 'identity' }));
        res.on('error', () => resolve({ status: 0, ns: Number(process.hrtime.bigint() - t0), n }));
      },
    );
    req.setTimeout(o.timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ns: Number(process.hrtime.bigint() - t0), n: 0 }));
    req.end();
  });
}

async function phase(ms, record) {
  const end = Date.now() + ms;
  const conn = async () => {
    while (Date.now() < end && (!record || recorded < o.maxRequests)) {
      const r = await one();
      if (!record) continue;
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      if (r.encoding) encodings[r.encoding] = (encodings[r.encoding] || 0) + 1;
      if (!o.okStatuses.includes(r.status)) errors++;
      else { ok++; bytes += r.n; }
      latencies[recorded++] = r.ns / 1e6;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: o.connections }, conn));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

(async () => {
  if (o.warmupMs > 0) await phase(o.warmupMs, false);
  parentPort.postMessage({ type: 'measuring' });
  const seconds = await phase(o.durationMs, true);
  agent.destroy();
  const sorted = latencies.subarray(0, recorded).sort();
  const pct = (p) => (recorded ? sorted[Math.min(recorded - 1, Math.ceil((p / 100) * recorded) - 1)] : 0);
  let sum = 0;
  for (let i = 0; i < recorded; i++) sum += sorted[i];
  parentPort.postMessage({
    type: 'result',
    requests: recorded, errors, statuses, encodings, seconds,
    rps: recorded / seconds,
    p50: pct(50), p90: pct(90), p99: pct(99), max: recorded ? sorted[recorded - 1] : 0,
    mean: recorded ? sum / recorded : 0,
    bytesPerResponse: ok ? bytes / ok : 0,
  });
})().catch((err) => { throw err; });
`;

/**
 * `hooks.measuring` is called when the measured phase starts (after the warm-up), for meters that must cover
 * exactly the measured requests (event-loop utilisation, round-trip counters).
 */
export function runLoad(options: LoadOptions, hooks: { measuring?: () => void } = {}): Promise<LoadResult> {
  const data = { maxRequests: 2_000_000, timeoutMs: 10_000, headers: {}, okStatuses: [200], ...options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
    worker.on('message', ({ type, ...result }: LoadResult & { type: 'measuring' | 'result' }) => {
      if (type === 'measuring') {
        hooks.measuring?.();
        return;
      }
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}
