import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A consumed event that fails and is retried stays in the trace it was published in: every attempt's spans are
 * children of the same publish (the retry is re-sent untraced, carrying the original context), the failed attempt's
 * handling span is ERROR with the kit's code, the next one has `lms.retry`. Real RabbitMQ and PostgreSQL, in a child
 * `node` (the amqplib instrumentation patches through Node's require, which Jest bypasses) from the kit's build.
 */
const KIT = path.resolve(__dirname, '..');
const ROOT = path.resolve(KIT, '../..');

const SCRIPT = `
const kit = ${JSON.stringify(path.join(KIT, 'dist'))};
const modules = ${JSON.stringify(path.join(ROOT, 'node_modules'))};
const { startOtlpReceiver } = require(kit + '/telemetry/local/receiver.js');
(async () => {
  const receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
  require(kit + '/telemetry/register.js');
  const { trace, context } = require(modules + '/@opentelemetry/api');
  const { z } = require(modules + '/zod');
  const { createTestDatabase, createTestVhost, testLogger } = require(kit + '/testing');
  const { createDatabase, migrate } = require(kit + '/db');
  const { Broker, EventConsumer, eventTablesMigration, createEvent, EVENTS_EXCHANGE } = require(kit + '/events');
  const { stopTelemetry } = require(kit + '/telemetry');
  const [db, vhost] = await Promise.all([createTestDatabase('kit_trace_retry'), createTestVhost('kit_trace_retry')]);
  const sequelize = createDatabase({ url: db.url, poolMax: 4 });
  try {
    await migrate(sequelize, db.url, [eventTablesMigration]);
    const logger = testLogger('kit');
    const broker = new Broker({ url: vhost.url, logger, name: 'trace-retry' });
    let attempts = 0;
    let done;
    const handled = new Promise((resolve) => (done = resolve));
    const consumer = new EventConsumer({ broker, sequelize, logger, retryBaseMs: 100, maxRetries: 3 }).register({
      queue: 'kit.trace-retry', bindings: ['thing.happened'], schema: z.object({}).passthrough(),
      async handle() { attempts++; if (attempts === 1) throw new Error('the first attempt fails'); done(); },
    });
    await consumer.start();
    await broker.start(10000);
    const event = createEvent({ type: 'thing.happened', source: 'lms/kit', data: {} });
    const root = trace.getTracer('test').startSpan('root');
    await context.with(trace.setSpan(context.active(), root), () =>
      broker.publish(EVENTS_EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), { messageId: event.id, headers: {} }));
    root.end();
    await handled;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await consumer.stop();
    await broker.close();
    await stopTelemetry();
    const spans = receiver.spans().filter((s) => s.traceId === root.spanContext().traceId);
    process.stdout.write(JSON.stringify({ attempts, spans }));
  } finally {
    await sequelize.close();
    await Promise.all([db.drop(), vhost.drop()]);
    await receiver.close();
  }
})().catch((err) => { console.error(err); process.exit(1); });
`;

interface Span {
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  status: { code: string };
  attributes: Record<string, unknown>;
}

test('A retried event keeps its trace: every attempt is a child of the same publish, the failed one ERROR with its code', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-trace-retry-'));
  try {
    const file = path.join(dir, 'retry.js');
    fs.writeFileSync(file, SCRIPT);
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [file], { cwd: ROOT, env: process.env, timeout: 50_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr.slice(-3000)}`)) : resolve(stdout),
      ),
    );
    const { attempts, spans } = JSON.parse(out) as { attempts: number; spans: Span[] };
    expect(attempts).toBe(2);
    const publish = spans.filter((s) => s.kind === 'PRODUCER');
    expect(publish).toHaveLength(1); // the retry's re-send made no publish span of its own
    const deliveries = spans.filter((s) => s.kind === 'CONSUMER' && s.name === 'kit.trace-retry process');
    expect(deliveries.map((s) => s.parentSpanId)).toEqual([publish[0].spanId, publish[0].spanId]);
    const handlings = spans.filter((s) => s.name === 'kit.trace-retry process thing.happened');
    expect(handlings.map((s) => deliveries.some((d) => d.spanId === s.parentSpanId))).toEqual([true, true]);
    const [failed, retried] = [...handlings].sort((a, b) => Number(a.attributes['lms.retry'] ?? 0) - Number(b.attributes['lms.retry'] ?? 0));
    expect(failed).toMatchObject({ status: { code: 'ERROR' }, attributes: { 'lms.error_code': 'INTERNAL' } });
    expect(retried.status.code).not.toBe('ERROR');
    expect(retried.attributes['lms.retry']).toBe(1);
    // the attempts' SQL (the inbox insert) nests under their handling spans
    for (const handling of handlings) expect(spans.some((s) => s.parentSpanId === handling.spanId && String(s.name).startsWith('pg.query:INSERT'))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
