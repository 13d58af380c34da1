/**
 * hop-floor — what one round trip of each kind costs on this machine, one at a time, with nothing of the fleet in it:
 * the floor under the one-at-a-time quiz goal (issue 16: start + submit p99 ≤ 50 ms), whose path is a chain of such
 * round trips. Bare servers in a child process of their own (as the fleet's processes are), a client here, 127.0.0.1
 * only, keep-alive connections, one request at a time after a warm-up:
 *
 *  - HTTP/1.1 (node:http): a POST of 4 KB answered with a 15 KB JSON body (the size of a 50-question paper or result);
 *  - gRPC unary (@grpc/grpc-js, raw bytes, no protobuf): 200 B in, 15 KB out;
 *  - PostgreSQL (pg): one prepared statement; a transaction of BEGIN, a prepared INSERT, COMMIT (3 round trips);
 *  - Redis (ioredis): one EVALSHA of a trivial script (the gateway's rate limit is one).
 *
 * Then the chain of a quiz start and of a submit as the fleet makes them — counted in bench/README.md, "Where the
 * time goes" — summed from these p50s: the time a start + submit cannot go under on this machine however little
 * CPU the fleet's own code takes. Prints numbers only; no goal passes or fails here.
 *
 *   eval "$(bash scripts/infra.sh env)" && npx tsx bench/hop-floor.ts     # BENCH_HOPS (2000) requests of each kind
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import * as grpc from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import pg from 'pg';
import { cleanupStack, createDatabase, envNumber, infra } from './lib/infra';

const N = envNumber('BENCH_HOPS', 2000, true);
const WARMUP = Math.min(200, N);
const BODY = JSON.stringify({ questions: Array.from({ length: 50 }, (_, i) => ({ id: `q-${i}`, text: 'x'.repeat(260) })) });

// The servers: plain JavaScript for `node -e`, so the child loads nothing of the repository but grpc-js.
const SERVERS = `
const http = require('node:http');
const grpc = require('@grpc/grpc-js');
const body = Buffer.from(${JSON.stringify(BODY)});
const web = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); res.end(body); });
});
web.keepAliveTimeout = 60000;
const raw = { path: '/floor.Floor/Echo', requestStream: false, responseStream: false,
  requestSerialize: (b) => b, requestDeserialize: (b) => b, responseSerialize: (b) => b, responseDeserialize: (b) => b };
const server = new grpc.Server();
server.addService({ Echo: raw }, { Echo: (call, cb) => cb(null, body) });
web.listen(0, '127.0.0.1', () => {
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify({ http: web.address().port, grpc: port }) + '\\n');
  });
});
process.on('SIGTERM', () => process.exit(0));
`;

interface Stats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] * 1000) / 1000;
  return { n: N, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

function startServers(): Promise<{ child: ChildProcess; ports: { http: number; grpc: number } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SERVERS], { stdio: ['ignore', 'pipe', 'inherit'], cwd: __dirname });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`floor servers exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, ports: JSON.parse(chunk.toString()) }));
  });
}

async function main(): Promise<void> {
  const cleanup = cleanupStack((m) => console.error(`[bench] ${m}`));
  try {
    const { child, ports } = await startServers();
    cleanup.push(async () => child.kill('SIGTERM'));
    const db = await createDatabase('hops');
    cleanup.push(() => db.drop());
    const rows: [string, Stats][] = [];

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = Buffer.alloc(4096, 'a');
    const httpCall = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: ports.http, method: 'POST', path: '/', agent, headers: { 'content-length': post.length } }, (res) => {
          res.on('data', () => undefined);
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end(post);
      });
    rows.push(['HTTP/1.1 POST 4 KB → 15 KB (node:http, another process)', await timed(httpCall)]);
    agent.destroy();

    const Client = grpc.makeGenericClientConstructor(
      { Echo: { path: '/floor.Floor/Echo', requestStream: false, responseStream: false, requestSerialize: (b: Buffer) => b, requestDeserialize: (b: Buffer) => b, responseSerialize: (b: Buffer) => b, responseDeserialize: (b: Buffer) => b } },
      'Floor',
    );
    const client = new Client(`127.0.0.1:${ports.grpc}`, grpc.credentials.createInsecure()) as unknown as {
      Echo(req: Buffer, cb: (err: Error | null, res?: Buffer) => void): void;
      close(): void;
    };
    const small = Buffer.alloc(200, 1);
    rows.push(['gRPC unary 200 B → 15 KB (grpc-js, raw bytes)', await timed(() => new Promise<void>((res, rej) => client.Echo(small, (e) => (e ? rej(e) : res()))))]);
    client.close();

    const pgClient = new pg.Client({ connectionString: db.url });
    await pgClient.connect();
    await pgClient.query('CREATE TABLE floor (id bigserial PRIMARY KEY, body jsonb NOT NULL)');
    rows.push(['PostgreSQL: one prepared SELECT', await timed(() => pgClient.query({ name: 'one', text: 'SELECT $1::int AS n', values: [1] }))]);
    rows.push([
      'PostgreSQL: BEGIN · prepared INSERT · COMMIT',
      await timed(async () => {
        await pgClient.query('BEGIN');
        await pgClient.query({ name: 'ins', text: 'INSERT INTO floor (body) VALUES ($1)', values: ['{"a":1}'] });
        await pgClient.query('COMMIT');
      }),
    ]);
    await pgClient.end();

    const redis = new Redis(infra.redisUrl);
    const sha = (await redis.script('LOAD', "return redis.call('INCR', KEYS[1])")) as string;
    const key = `lms:bench:hops:${process.pid}`;
    rows.push(['Redis: one EVALSHA', await timed(() => redis.evalsha(sha, 1, key))]);
    await redis.del(key);
    redis.disconnect();

    const p50 = (label: string) => rows.find(([l]) => l.startsWith(label))![1].p50;
    const h = p50('HTTP'), g = p50('gRPC'), q = p50('PostgreSQL: one'), r = p50('Redis');
    // The round trips in series on a start and on a submit (bench/README.md, quiz-attempts, "Where the time goes"),
    // with IsEnrolled (gRPC + its one statement) overlapping the first statement of quiz's own.
    const start = h + r + g + Math.max(g + q, q) + 4 * q; // lock ‖ IsEnrolled, BEGIN folded in lock's round trip count, startNext, outbox, COMMIT
    const submit = h + r + g + Math.max(g + q, q) + 4 * q; // attempt+quiz read ‖ IsEnrolled, BEGIN, close, outbox, COMMIT

    console.log(`\n== hop floor: one request at a time, ${N} of each after ${WARMUP} warm-up ==`);
    console.log(`${''.padEnd(58)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
    for (const [label, s] of rows) console.log(`${label.padEnd(58)}${[s.p50, s.p90, s.p99].map((x) => x.toFixed(3).padStart(9)).join('')}`);
    console.log(`\nthe chain of a start, from the p50s (HTTP + Redis + gRPC + max(gRPC + 1 statement, 1 statement) + 4 statements): ${start.toFixed(2)} ms`);
    console.log(`the chain of a submit (the same shape): ${submit.toFixed(2)} ms; start + submit: ${(start + submit).toFixed(2)} ms`);
    console.log(JSON.stringify({ bench: 'hop-floor', n: N, rows: Object.fromEntries(rows), chain: { start, submit, pair: start + submit } }));
  } finally {
    await cleanup.run();
  }
}

main().catch((err) => {
  console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
