import * as grpc from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Round-trip counters for the benches (never loaded by a service): how many PostgreSQL queries, Redis commands
 * (and Redis round trips), gRPC calls and RabbitMQ publishes one request costs. They patch the libraries'
 * prototypes in THIS thread only — each worker thread has its own copy of every module, so a thread counts what
 * its own code sends and the bench collects the threads' snapshots (the fleet worker answers a message with its
 * own, see `Fleet.roundTrips`). Counting is a map increment per call: cheap next to the I/O it counts.
 *
 * Call `startCounting()` before the code to measure creates its servers and Redis scripts (gRPC handlers and Lua
 * scripts are labelled when they are registered); take a `snapshot()` before and after the measured phase and
 * divide the difference by the requests with `perRequest()`.
 */
export type Kind =
  /** PostgreSQL queries (each one a round trip on its connection), by the statement's first keyword. */
  | 'pg'
  /**
   * Redis commands by name and the shape of their first key (`mget lms:revoked:*`: segments that are not plain
   * words become `*`), so a command used for two purposes shows as two lines; a Lua script defined with
   * defineCommand as `script:<name>`.
   */
  | 'redis'
  /** Redis round trips: `command` (one command, one reply awaited) or `pipeline` (a pipeline or MULTI…EXEC). */
  | 'redisRoundTrips'
  /** gRPC calls this thread made, by `Service/Method`. */
  | 'grpcCalls'
  /** gRPC calls this thread's servers handled, by `Service/Method`. */
  | 'grpcServed'
  /** RabbitMQ publishes (confirmed or not) by `exchange routingKey` (sendToQueue: `(queue) name`). */
  | 'amqpPublishes';

export const KINDS: readonly Kind[] = ['pg', 'redis', 'redisRoundTrips', 'grpcCalls', 'grpcServed', 'amqpPublishes'];

export type Counts = Record<Kind, Record<string, number>>;

// Maps, and labels built once and reused (below): the counters sit on the measured thread's hot path, and a
// freshly concatenated label would be flattened and hashed on every call.
const counts = new Map<Kind, Map<string, number>>(KINDS.map((kind) => [kind, new Map()]));
let patched = false;

function count(kind: Kind, label: string): void {
  const bucket = counts.get(kind)!;
  bucket.set(label, (bucket.get(label) ?? 0) + 1);
}

const grpcLabels = new Map<string, string>();

/** `/lms.catalog.v1.CatalogService/ListCourses` → `CatalogService/ListCourses`. */
function grpcMethod(path: string): string {
  let label = grpcLabels.get(path);
  if (label === undefined) {
    const [service = '', method = ''] = path.replace(/^\//, '').split('/');
    grpcLabels.set(path, (label = `${service.slice(service.lastIndexOf('.') + 1)}/${method}`));
  }
  return label;
}

const WORD = /^[a-zA-Z_-]{1,24}$/;

/** A label per command name, key without its last segment, and last segment (or `*`), built on first use. */
const redisLabels = new Map<string, Map<string, { star: string; words: Map<string, string> }>>();

/**
 * `mget` of `lms:bench:0183:gw:rl:general:10.1.2.3` → `mget lms:bench:*:gw:rl:general:*` (segments that are not
 * plain words — ids, addresses, hashes — become `*`); a command whose first argument is not a key: its name.
 */
function redisLabel(name: string, first: unknown): string {
  const key = typeof first === 'string' ? first : Buffer.isBuffer(first) ? first.toString('latin1') : '';
  const cut = key.lastIndexOf(':');
  if (cut < 0) return name;
  let byHead = redisLabels.get(name);
  if (!byHead) redisLabels.set(name, (byHead = new Map()));
  const head = key.slice(0, cut);
  let labels = byHead.get(head);
  if (!labels) byHead.set(head, (labels = { star: shapeLabel(name, `${head}:*`), words: new Map() }));
  const last = key.slice(cut + 1);
  if (!WORD.test(last)) return labels.star;
  let label = labels.words.get(last);
  if (!label) labels.words.set(last, (label = shapeLabel(name, key)));
  return label;
}

function shapeLabel(name: string, key: string): string {
  const shape = key
    .split(':')
    .map((segment) => (WORD.test(segment) || segment === '*' ? segment : '*'))
    .join(':')
    .replace(/\*(:\*)+/g, '*');
  return `${name} ${shape}`;
}

function sqlKeyword(query: unknown): string {
  const text = typeof query === 'string' ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? (/^\s*(\w+)/.exec(text)?.[1] ?? '?').toUpperCase() : '?';
}

type AnyFn = (...args: unknown[]) => unknown;

/** Wraps `target[name]` so `before(args)` runs first; the original keeps its `this` and its result. */
function wrap<T extends object>(target: T, name: string, before: (self: unknown, args: unknown[]) => void): void {
  const record = target as unknown as Record<string, AnyFn>;
  const original = record[name];
  if (typeof original !== 'function') throw new Error(`roundtrips: ${name} is not a function (library changed?)`);
  record[name] = function (this: unknown, ...args: unknown[]) {
    before(this, args);
    return original.apply(this, args);
  };
}

/** Patches pg, ioredis, grpc-js and amqplib in this thread (once); counting runs from then on. */
export function startCounting(): void {
  if (patched) return;
  patched = true;

  wrap(pg.Client.prototype, 'query', (_self, [query]) => count('pg', sqlKeyword(query)));

  // A script's commands are instances of its own Command class: remember which name each class belongs to.
  const scripts = new WeakMap<object, string>();
  const redisProto = Redis.prototype as unknown as Record<string, AnyFn>;
  const defineCommand = redisProto.defineCommand;
  redisProto.defineCommand = function (this: { scriptsSet: Record<string, { Command: object }> }, name: unknown, definition: unknown) {
    const result = defineCommand.call(this, name, definition);
    scripts.set(this.scriptsSet[name as string].Command, `script:${name as string}`);
    return result;
  };
  // ioredis sends every command through sendCommand; a pipeline's commands come with the pipeline's own `stream`
  // object (one per exec), so the first command seen with a new one is the pipeline's single round trip. A command
  // queued while the connection was not ready goes through sendCommand again when it is: counted once.
  const seen = new WeakSet<object>();
  const pipelines = new WeakSet<object>();
  wrap(Redis.prototype, 'sendCommand', (_self, [command, stream]) => {
    if (seen.has(command as object)) return;
    seen.add(command as object);
    const { name, args, constructor } = command as { name: string; args: unknown[]; constructor: object };
    count('redis', scripts.get(constructor) ?? redisLabel(name, args[0]));
    const pipeline = stream as { isPipeline?: boolean } | undefined;
    if (!pipeline?.isPipeline) count('redisRoundTrips', 'command');
    else if (!pipelines.has(pipeline)) {
      pipelines.add(pipeline);
      count('redisRoundTrips', 'pipeline');
    }
  });

  // Generated clients call Client.prototype.make*Request captured when grpc-js loaded, but every call of every
  // kind goes through its channel's createCall.
  wrap(grpc.Channel.prototype, 'createCall', (_self, [method]) => count('grpcCalls', grpcMethod(method as string)));
  const register = (grpc.Server.prototype as unknown as Record<string, AnyFn>).register;
  (grpc.Server.prototype as unknown as Record<string, AnyFn>).register = function (this: unknown, name: unknown, handler: unknown, ...rest: unknown[]) {
    const label = grpcMethod(name as string);
    const handle = handler as AnyFn;
    return register.call(
      this,
      name,
      function (this: unknown, ...args: unknown[]) {
        count('grpcServed', label);
        return handle.apply(this, args);
      },
      ...rest,
    );
  };

  // ConfirmChannel.publish and sendToQueue both end in Channel.publish. (amqplib has no typed deep import.)
  const { Channel } = require('amqplib/lib/channel_model') as { Channel: { prototype: object } };
  wrap(Channel.prototype, 'publish', (_self, [exchange, routingKey]) =>
    count('amqpPublishes', exchange ? `${exchange as string} ${routingKey as string}` : `(queue) ${routingKey as string}`),
  );
}

/** A copy of this thread's counters (plain data: it crosses a worker's message port). */
export function snapshot(): Counts {
  return Object.fromEntries(KINDS.map((kind) => [kind, Object.fromEntries(counts.get(kind)!)])) as Counts;
}

/** What happened between two snapshots, per request (labels that did not move are left out). */
export function perRequest(before: Counts, after: Counts, requests: number): Counts {
  return Object.fromEntries(
    KINDS.map((kind) => {
      const entries = Object.entries(after[kind])
        .map(([label, n]) => [label, (n - (before[kind][label] ?? 0)) / Math.max(1, requests)] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]);
      return [kind, Object.fromEntries(entries)];
    }),
  ) as Counts;
}

const TITLES: Record<Kind, string> = {
  pg: 'PostgreSQL queries',
  redis: 'Redis commands',
  redisRoundTrips: 'Redis round trips',
  grpcCalls: 'gRPC calls made',
  grpcServed: 'gRPC calls served',
  amqpPublishes: 'RabbitMQ publishes',
};

/** One line per kind that moved: `Redis commands 3.00 (get 2.00, script:lmsGcra 1.00)`. */
export function describe(per: Counts, indent = '  '): string[] {
  const f = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));
  return KINDS.flatMap((kind) => {
    const entries = Object.entries(per[kind]);
    if (entries.length === 0) return [];
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    return [`${indent}${TITLES[kind]} ${f(total)} (${entries.map(([label, n]) => `${label} ${f(n)}`).join(', ')})`];
  });
}
