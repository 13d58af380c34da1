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
 * time goes" — drawn from these samples: what a start + submit cannot go under on this machine however little CPU
 * the fleet's own code takes, at the median and in the tail. Prints numbers only; no goal passes or fails here.
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
  /** Every sample, sorted (left out of the JSON line). */
  samples: number[];
}

function statsOf(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000) / 1000;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), samples: sorted };
}

async function timed(fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return statsOf(ms);
}

/**
 * The distribution of a chain of round trips: each draw sums one sample of every link, drawn at random (as if the
 * links were independent), `[a, b]` links taking the longer of two concurrent ones. Its p99 is what the machine's
 * tails alone do to a chain — a few slow hops in a hundred requests are enough to move it.
 */
type Link = Stats | [Stats, Stats[]];
function chain(links: Link[], draws = 20_000): Stats {
  const pick = (s: Stats) => s.samples[Math.floor(Math.random() * s.samples.length)];
  const out: number[] = [];
  for (let i = 0; i < draws; i++) {
    let sum = 0;
    for (const link of links) sum += Array.isArray(link) ? Math.max(pick(link[0]), link[1].reduce((a, s) => a + pick(s), 0)) : pick(link);
    out.push(sum);
  }
  return statsOf(out);
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

    const stat = (label: string) => rows.find(([l]) => l.startsWith(label))![1];
    const h = stat('HTTP'), g = stat('gRPC'), q = stat('PostgreSQL: one'), r = stat('Redis');
    // The round trips in series (bench/README.md, quiz-attempts, "Where the time goes"). A start: HTTP, the rate
    // limit, gRPC to quiz, IsEnrolled (gRPC + its one statement) before the transaction, then BEGIN, the start lock,
    // startNext, the outbox row, COMMIT. A submit: the same front, the attempt + quiz read concurrently with
    // IsEnrolled, then BEGIN, the close, the outbox row, COMMIT.
    const front: Link[] = [h, r, g];
    const start = chain([...front, g, q, q, q, q, q, q]);
    const submit = chain([...front, [q, [g, q]], q, q, q, q]);
    const pair = chain([...front, g, q, q, q, q, q, q, ...front, [q, [g, q]], q, q, q, q]);
    const line = (label: string, s: Stats) => console.log(`${label.padEnd(58)}${[s.p50, s.p90, s.p99].map((x) => x.toFixed(3).padStart(9)).join('')}`);
    console.log(`\n== hop floor: one request at a time, ${N} of each after ${WARMUP} warm-up ==`);
    console.log(`${''.padEnd(58)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
    for (const [label, s] of rows) line(label, s);
    console.log('\nchains drawn from the samples above (independent draws; a ‖ b = the longer of the two):');
    line('a start: HTTP, Redis, gRPC, gRPC + 1 statement, 5 statements', start);
    line('a submit: HTTP, Redis, gRPC, 1 statement ‖ (gRPC + 1), 4 statements', submit);
    line('start + submit (the goal: p99 ≤ 50 ms)', pair);
    const plain = ({ samples: _s, ...s }: Stats) => s;
    console.log(JSON.stringify({ bench: 'hop-floor', n: N, rows: Object.fromEntries(rows.map(([l, s]) => [l, plain(s)])), chain: { start: plain(start), submit: plain(submit), pair: plain(pair) } }));
  } finally {
    await cleanup.run();
  }
}

main().catch((err) => {
  console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
