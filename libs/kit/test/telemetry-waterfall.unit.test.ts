import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraceCli } from '../src/telemetry/local/cli';
import type { SpanRecord } from '../src/telemetry/local/receiver';
import { findTraceIds, lastTraceId, listTraces, renderList, renderWaterfall } from '../src/telemetry/local/waterfall';

// Fixed records: a gateway request (trace A) that calls catalog, which queries its database and writes an outbox
// row; the relay publishes it in its own trace (B) linked to the transaction's span; the consumer (trace B)
// fails once. A health check (trace C) is the most recent trace.
const T0 = 1_796_000_000_000_000_000n; // 2026-11-30T00:53:20Z
const at = (ms: number) => (T0 + BigInt(Math.round(ms * 1e6))).toString();
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const span = (traceId: string, spanId: string, parentSpanId: string | undefined, name: string, service: string, from: number, to: number, extra: Partial<SpanRecord> = {}): SpanRecord => ({
  traceId,
  spanId: spanId.padStart(16, '0'),
  ...(parentSpanId ? { parentSpanId: parentSpanId.padStart(16, '0') } : {}),
  name,
  kind: 'INTERNAL',
  service,
  startNs: at(from),
  endNs: at(to),
  status: { code: 'UNSET' },
  attributes: {},
  links: [],
  events: [],
  ...extra,
});

const records: SpanRecord[] = [
  // Children arrive before their parents (a batch exporter sends what ended first), out of start order.
  span(A, '3', '2', 'lms.catalog.v1.CatalogService/CreateCourse', 'catalog', 12, 80, { kind: 'SERVER' }),
  span(A, '5', '3', 'INSERT lms_catalog', 'catalog', 50, 60, { kind: 'CLIENT' }),
  span(A, '4', '3', 'SELECT lms_catalog', 'catalog', 20, 30, { kind: 'CLIENT' }),
  span(A, '2', '1', 'lms.catalog.v1.CatalogService/CreateCourse', 'gateway', 10, 82, { kind: 'CLIENT' }),
  span(A, '1', undefined, 'POST /api/v1/courses', 'gateway', 0, 100, { kind: 'SERVER', attributes: { 'lms.request_id': 'req-42', 'http.route': '/api/v1/courses' } }),
  span(B, '7', undefined, 'outbox publish course.created', 'catalog', 300, 310, { kind: 'PRODUCER', links: [{ traceId: A, spanId: '5'.padStart(16, '0'), attributes: {} }] }),
  span(B, '8', '7', 'lms.events process', 'analytics', 320, 360, {
    kind: 'CONSUMER',
    attributes: { 'lms.request_id': 'req-42' },
    status: { code: 'ERROR', message: 'handler failed' },
    events: [{ name: 'exception', timeNs: at(350), attributes: { 'exception.type': 'Error', 'exception.message': 'deadlock detected' } }],
  }),
  span(B, '9', 'f', 'orphan whose parent never arrived', 'analytics', 330, 340),
  span(C, 'c1', undefined, 'grpc.health.v1.Health/Check', 'auth', 500, 501, { kind: 'SERVER' }),
];

describe('Trace waterfall (scripts/trace)', () => {
  it('When a trace is rendered, then spans form a tree in start order with service, kind, duration and a bar on the trace time line', () => {
    expect(renderWaterfall(A, records, { barWidth: 20 })).toBe(
      [
        `trace ${A}  ·  2026-11-30T00:53:20.000Z  ·  100.0 ms  ·  5 spans  ·  gateway → catalog  ·  request req-42`,
        '  100.0 ms  │████████████████████│  gateway  server   POST /api/v1/courses',
        '   72.0 ms  │  ███████████████   │  gateway  client   └─ lms.catalog.v1.CatalogService/CreateCourse',
        '   68.0 ms  │  ██████████████    │  catalog  server      └─ lms.catalog.v1.CatalogService/CreateCourse',
        '   10.0 ms  │    ██              │  catalog  client         ├─ SELECT lms_catalog',
        '   10.0 ms  │          ██        │  catalog  client         └─ INSERT lms_catalog',
        '',
        'Linked from other traces (scripts/trace <trace id> to follow):',
        `  ${B}  catalog  outbox publish course.created  → INSERT lms_catalog`,
      ].join('\n'),
    );
  });

  it('When spans failed, have links or lost their parent, then errors, exceptions and "linked from" show under them and the orphan is a root', () => {
    const text = renderWaterfall(B, records, { barWidth: 10 });
    // The name column: duration 10, bar 10 + 2 rails, service 9, kind 7, two spaces between each = 46.
    expect(text.split('\n')).toEqual([
      `trace ${B}  ·  2026-11-30T00:53:20.300Z  ·  60.0 ms  ·  3 spans  ·  catalog → analytics  ·  request req-42  ·  1 with errors`,
      '   10.0 ms  │██        │  catalog    send     outbox publish course.created',
      `${' '.repeat(46)}│ ↳ linked from INSERT lms_catalog (catalog, trace ${A})`,
      '   40.0 ms  │   ███████│  analytics  receive  └─ lms.events process ✗',
      `${' '.repeat(51)}✗ status ERROR: handler failed`,
      `${' '.repeat(51)}✗ exception Error: deadlock detected`,
      `   10.0 ms  │     ██   │  analytics           orphan whose parent never arrived (parent ${'f'.padStart(16, '0')} not received)`,
    ]);
  });

  it('When colour is asked for, then ANSI codes are added, and never otherwise', () => {
    expect(renderWaterfall(B, records, { color: true })).toContain('\x1b[31m');
    expect(renderWaterfall(B, records)).not.toContain('\x1b[');
  });

  it('When looking up an id, then a trace id (any case) names its trace, a request id every trace carrying it oldest first, anything else none', () => {
    expect(findTraceIds(records, A.toUpperCase())).toEqual([A]);
    expect(findTraceIds(records, 'req-42')).toEqual([A, B]);
    expect(findTraceIds(records, 'nope')).toEqual([]);
  });

  it('When asking for the last trace, then the newest one entered by a request or message that did more than answer alone, not the relay or the health check', () => {
    expect(lastTraceId(records)).toBe(A);
    expect(lastTraceId(records.filter((r) => r.traceId === C))).toBe(C);
    expect(lastTraceId([])).toBeUndefined();
  });

  it('When listing, then newest first with duration, span and error counts, the root operation and services, up to the limit', () => {
    expect(listTraces(records, 2).map((t) => t.traceId)).toEqual([C, B]);
    expect(renderList(listTraces(records)).split('\n')).toEqual([
      'START (UTC)               TRACE                               DURATION  SPANS  ERR  ROOT',
      `2026-11-30T00:53:20.500Z  ${C}      1.0 ms      1       grpc.health.v1.Health/Check (auth)`,
      `2026-11-30T00:53:20.300Z  ${B}     60.0 ms      3    1  outbox publish course.created (catalog) → analytics  request req-42`,
      `2026-11-30T00:53:20.000Z  ${A}    100.0 ms      5       POST /api/v1/courses (gateway) → catalog  request req-42`,
    ]);
  });

  it('When an HTTP server span is named by its method alone (no route matched), then its path is shown with it', () => {
    const D = 'd'.repeat(32);
    const text = renderWaterfall(D, [span(D, 'd1', undefined, 'GET', 'gateway', 0, 1, { kind: 'SERVER', attributes: { 'url.path': '/version' } })]);
    expect(text.split('\n')[1]).toMatch(/server {3}GET \/version$/);
  });

  it('When the same span arrives twice, then it is shown once', () => {
    expect(renderWaterfall(C, [...records, ...records.filter((r) => r.traceId === C)]).split('\n')).toHaveLength(2);
  });
});

describe('scripts/trace command line', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = () => ({ out: (t: string) => out.push(t), err: (t: string) => err.push(t), color: false });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lms-trace-cli-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('When the spans file is missing, then it says how to start the fleet with traces', () => {
    expect(runTraceCli(['--last'], join(dir, 'spans.jsonl'), io())).toBe(1);
    expect(err.join('\n')).toMatch(/TRACES=1 make run/);
  });

  it('When spans are split between the rotated and the current file and a line is cut short, then a request id still finds both its traces', () => {
    const file = join(dir, 'spans.jsonl');
    const lines = records.map((r) => JSON.stringify(r));
    writeFileSync(`${file}.1`, lines.slice(0, 4).join('\n') + '\n');
    writeFileSync(file, lines.slice(4).join('\n') + '\n{"traceId":"dd');
    expect(runTraceCli(['req-42', '--no-color'], file, io())).toBe(0);
    expect(out.join('\n')).toBe(`${renderWaterfall(A, records)}\n\n${renderWaterfall(B, records)}`);
  });

  it('When a trace is looked up by its id, then the span of another trace it is linked from is named too (its line does not mention this trace)', () => {
    const file = join(dir, 'spans.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(runTraceCli([B], file, io())).toBe(0);
    expect(out.join('\n')).toBe(renderWaterfall(B, records));
    expect(out.join('\n')).toContain(`↳ linked from INSERT lms_catalog (catalog, trace ${A})`);
  });

  it('When --list, --last or a missing id is asked, then the list, the last trace, or exit 1 with a hint', () => {
    const file = join(dir, 'spans.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(runTraceCli(['--list', '--limit', '1', '--file', file], '/nowhere', io())).toBe(0);
    expect(out.pop()).toBe(renderList(listTraces(records, 1)));
    expect(runTraceCli(['--last'], file, io())).toBe(0);
    expect(out.pop()).toBe(renderWaterfall(A, records));
    expect(runTraceCli(['0123'], file, io())).toBe(1);
    expect(err.pop()).toMatch(/--list/);
  });

  it('When the arguments are wrong, then exit 2 with the usage', () => {
    expect(runTraceCli([], '/nowhere', io())).toBe(2);
    expect(runTraceCli(['--last', 'abc'], '/nowhere', io())).toBe(2);
    expect(runTraceCli(['--limit', 'x', '--list'], '/nowhere', io())).toBe(2);
    expect(runTraceCli(['--bogus'], '/nowhere', io())).toBe(2);
    expect(err.every((e) => e.includes('usage: scripts/trace'))).toBe(true);
  });
});
