import http from 'node:http';
import * as grpc from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDatabase, infra } from './infra';
import { startInlineChild } from './inline-child';
import { percentiles, type Percentiles } from './stats';

/**
 * The hop floor (bench/hop-floor.ts, and the quiz bench's own run of it): one round trip of each kind at a time
 * between bare processes, and the chains of a quiz start and submit drawn from the samples. See bench/README.md,
 * hop-floor.
 */
const BODY = JSON.stringify({ questions: Array.from({ length: 50 }, (_, i) => ({ id: `q-${i}`, text: 'x'.repeat(260) })) });

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

export interface Stats extends Percentiles {
  n: number;
  /** Every sample, sorted (left out of the JSON line). */
  samples: number[];
}

function statsOf(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, ...percentiles(sorted, 3), samples: sorted };
}

async function timed(fn: () => Promise<unknown>, n: number, warmup: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
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

export interface HopFloor {
  n: number;
  warmup: number;
  rows: [string, Stats][];
  start: Stats;
  submit: Stats;
  pair: Stats;
}

/** Measures `n` round trips of each kind (after a warm-up) and draws the chains; its servers and database are gone after. */
export async function measureHopFloor(n: number): Promise<HopFloor> {
  const warmup = Math.min(200, n);
  const timedN = (fn: () => Promise<unknown>) => timed(fn, n, warmup);
  const { child, ready: ports } = await startInlineChild<{ http: number; grpc: number }>('floor servers', SERVERS);
  try {
    const db = await createDatabase('hops');
    try {
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
      const h = await timedN(httpCall);
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
      const g = await timedN(() => new Promise<void>((res, rej) => client.Echo(small, (e) => (e ? rej(e) : res()))));
      client.close();

      const pgClient = new pg.Client({ connectionString: db.url });
      await pgClient.connect();
      await pgClient.query('CREATE TABLE floor (id bigserial PRIMARY KEY, body jsonb NOT NULL)');
      const q = await timedN(() => pgClient.query({ name: 'one', text: 'SELECT $1::int AS n', values: [1] }));
      const tx = await timedN(async () => {
        await pgClient.query('BEGIN');
        await pgClient.query({ name: 'ins', text: 'INSERT INTO floor (body) VALUES ($1)', values: ['{"a":1}'] });
        await pgClient.query('COMMIT');
      });
      await pgClient.end();

      const redis = new Redis(infra.redisUrl);
      const sha = (await redis.script('LOAD', "return redis.call('INCR', KEYS[1])")) as string;
      const key = `lms:bench:hops:${process.pid}`;
      const r = await timedN(() => redis.evalsha(sha, 1, key));
      await redis.del(key);
      redis.disconnect();

      const rows: [string, Stats][] = [
        ['HTTP/1.1 POST 4 KB → 15 KB (node:http, another process)', h],
        ['gRPC unary 200 B → 15 KB (grpc-js, raw bytes)', g],
        ['PostgreSQL: one prepared SELECT', q],
        ['PostgreSQL: BEGIN · prepared INSERT · COMMIT', tx],
        ['Redis: one EVALSHA', r],
      ];
      // The round trips in series (bench/README.md, quiz-attempts, "Where the time goes"). A start: HTTP, the rate
      // limit, gRPC to quiz, IsEnrolled (gRPC + its one statement) before the transaction, then BEGIN, the start lock,
      // startNext, the outbox row, COMMIT. A submit: the same front, the attempt + quiz read concurrently with
      // IsEnrolled, then BEGIN, the close, the outbox row, COMMIT.
      const startLinks: Link[] = [h, r, g, g, q, q, q, q, q, q];
      const submitLinks: Link[] = [h, r, g, [q, [g, q]], q, q, q, q];
      const [start, submit, pair] = [startLinks, submitLinks, [...startLinks, ...submitLinks]].map((links) => chain(links));
      return { n, warmup, rows, start, submit, pair };
    } finally {
      await db.drop();
    }
  } finally {
    child.kill('SIGTERM');
  }
}

/** The floor's report: a table of the round trips and of the chains. */
export function hopFloorReport(floor: HopFloor): string[] {
  const line = (label: string, s: Stats) => `${label.padEnd(68)}${[s.p50, s.p90, s.p99].map((x) => x.toFixed(3).padStart(9)).join('')}`;
  return [
    `== hop floor: one request at a time between bare processes, ${floor.n} of each after ${floor.warmup} warm-up ==`,
    `${''.padEnd(68)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}`,
    ...floor.rows.map(([label, s]) => line(label, s)),
    'chains drawn from the samples above (independent draws; a ‖ b = the longer of the two):',
    line('a start: HTTP, Redis, gRPC, gRPC + 1 statement, 5 statements', floor.start),
    line('a submit: HTTP, Redis, gRPC, 1 statement ‖ (gRPC + 1), 4 statements', floor.submit),
    line('start + submit (the goal: p99 ≤ 50 ms)', floor.pair),
  ];
}

/** The floor without its samples, for a JSON line. */
export function hopFloorJson(floor: HopFloor) {
  const plain = ({ samples: _s, ...s }: Stats) => s;
  return { n: floor.n, rows: Object.fromEntries(floor.rows.map(([l, s]) => [l, plain(s)])), chain: { start: plain(floor.start), submit: plain(floor.submit), pair: plain(floor.pair) } };
}
