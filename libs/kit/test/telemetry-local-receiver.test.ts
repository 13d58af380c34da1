import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startOtlpReceiver, type OtlpReceiver, type SpanRecord } from '../src/telemetry/local/receiver';

const execFileAsync = promisify(execFile);

/** POST raw bytes to the receiver; resolves with the status and body. */
function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/traces`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The receiver may answer 413 and drop the connection before the whole body is written.
    req.on('error', reject);
    req.end(body);
  });
}

type Ids = { traceId: string; spanId: string };

/** Four spans (a root, a failed call under it, a query under that, a relay span linked to the call) sent by the real exporter from a child process. */
async function exportNestedSpans(url: string, compression: 'none' | 'gzip' = 'none', rounds = 1): Promise<Record<'root' | 'call' | 'query' | 'relay', Ids>[]> {
  const { stdout } = await execFileAsync(process.execPath, [join(__dirname, 'fixtures', 'otlp-export-spans.cjs'), url, compression, String(rounds)], { timeout: 30_000 });
  return JSON.parse(stdout) as Record<'root' | 'call' | 'query' | 'relay', Ids>[];
}

describe('Local OTLP/HTTP receiver (scripts/trace, TRACES=1 make run, trace tests)', () => {
  let dir: string;
  let receiver: OtlpReceiver | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lms-otlp-'));
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('When the real exporter sends nested spans, then each is one flat record with its parent, service, kind, status, attributes, events and links, in memory and in the file', async () => {
    const file = join(dir, 'traces', 'spans.jsonl');
    const seen: SpanRecord[] = [];
    receiver = await startOtlpReceiver({ file, onSpans: (s) => seen.push(...s) });
    const [{ root, call, query, relay }] = await exportNestedSpans(receiver.url);

    const spans = receiver.spans();
    expect(spans).toHaveLength(4);
    expect(seen).toEqual(spans);
    const byName = (name: string) => spans.find((s) => s.name === name)!;
    const traceId = root.traceId;

    const rootRecord = byName('GET /api/v1/courses');
    expect(rootRecord).toMatchObject({ traceId, spanId: root.spanId, kind: 'SERVER', service: 'gateway', scope: 'receiver-test', status: { code: 'UNSET' } });
    expect(rootRecord.parentSpanId).toBeUndefined();
    expect(rootRecord.attributes).toEqual({ 'lms.request_id': 'req-1', 'http.status_code': 500, retried: false });
    expect(BigInt(rootRecord.endNs)).toBeGreaterThanOrEqual(BigInt(rootRecord.startNs));
    expect(BigInt(rootRecord.startNs)).toBeGreaterThan(BigInt(Date.parse('2020-01-01')) * 1_000_000n);

    const callRecord = byName('lms.catalog.v1.CatalogService/ListCourses');
    expect(callRecord).toMatchObject({ traceId, parentSpanId: root.spanId, kind: 'CLIENT', status: { code: 'ERROR', message: 'UNAVAILABLE' } });
    expect(callRecord.events).toEqual([expect.objectContaining({ name: 'exception', attributes: expect.objectContaining({ 'exception.message': 'catalog unavailable' }) })]);

    expect(byName('SELECT lms_catalog')).toMatchObject({ traceId, parentSpanId: call.spanId, attributes: { 'db.statement': 'SELECT 1', tags: ['a', 'b'] } });
    expect(byName('outbox relay')).toMatchObject({
      traceId: relay.traceId,
      kind: 'PRODUCER',
      links: [{ traceId, spanId: call.spanId, attributes: { why: 'outbox' } }],
    });
    expect(query.traceId).toBe(traceId);

    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SpanRecord);
    expect(lines).toEqual(spans);
  });

  it('When the exporter compresses with gzip, then the spans arrive the same', async () => {
    receiver = await startOtlpReceiver();
    await exportNestedSpans(receiver.url, 'gzip');
    expect(receiver.spans().map((s) => s.name).sort()).toEqual(['GET /api/v1/courses', 'SELECT lms_catalog', 'lms.catalog.v1.CatalogService/ListCourses', 'outbox relay']);
  });

  it('When a protobuf body arrives, then 415 says to use the http/json exporter, and nothing is stored', async () => {
    receiver = await startOtlpReceiver();
    const res = await post(receiver.url, Buffer.from([0x0a, 0x00]), { 'Content-Type': 'application/x-protobuf' });
    expect(res.status).toBe(415);
    expect(res.body).toMatch(/http\/json/);
    expect(receiver.spans()).toEqual([]);
  });

  it('When a body is larger than the cap, then 413 and nothing is stored', async () => {
    receiver = await startOtlpReceiver({ maxBodyBytes: 1024 });
    const res = await post(receiver.url, JSON.stringify({ resourceSpans: [], pad: 'x'.repeat(64 * 1024) }), { 'Content-Type': 'application/json' }).catch(() => ({ status: 413, body: '' }));
    expect(res.status).toBe(413);
    expect(receiver.spans()).toEqual([]);
  });

  it('When the file reaches its cap, then it is rotated to <file>.1 and a new one starts (at most two files), and memory keeps the latest spans only', async () => {
    const file = join(dir, 'spans.jsonl');
    receiver = await startOtlpReceiver({ file, maxFileBytes: 1500, maxSpans: 5 });
    await exportNestedSpans(receiver.url, 'none', 4);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(false);
    const onDisk = [file, `${file}.1`].flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    expect(onDisk.length).toBeLessThan(16);
    expect(readFileSync(file, 'utf8').length).toBeLessThan(1500 + 4 * 1500);
    expect(receiver.spans()).toHaveLength(5);
  });
});
