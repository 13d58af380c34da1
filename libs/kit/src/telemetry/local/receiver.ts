import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { gunzip } from 'node:zlib';

/**
 * A tiny OTLP/HTTP trace receiver for local development and tests: no collector, Jaeger or Tempo binary exists in
 * npm or Debian, and a developer wants one request's path without running any of them. It takes what
 * @opentelemetry/exporter-trace-otlp-http sends (POST /v1/traces, the JSON encoding of ExportTraceServiceRequest),
 * flattens it into one plain record per span, keeps the latest in memory and appends them to a JSON-lines file that
 * `scripts/trace` reads. It is not a collector: no protobuf, no batching, no retries — a local tool only.
 */

export type SpanKindName = 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';
export type Attributes = Record<string, unknown>;

/** One span as `scripts/trace` and the tests read it. Times are Unix nanoseconds as decimal strings (exact: they exceed 2^53). */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: SpanKindName;
  /** The resource's service.name (OTEL_SERVICE_NAME). */
  service: string;
  /** The instrumentation scope that made it (e.g. @opentelemetry/instrumentation-pg), when sent. */
  scope?: string;
  startNs: string;
  endNs: string;
  status: { code: StatusCodeName; message?: string };
  attributes: Attributes;
  links: { traceId: string; spanId: string; attributes: Attributes }[];
  events: { name: string; timeNs: string; attributes: Attributes }[];
}

export interface OtlpReceiverOptions {
  host?: string;
  /** 0 = an ephemeral port (tests). */
  port?: number;
  /** JSON-lines file the spans are appended to; none = memory only. */
  file?: string;
  /** When the file reaches this size it becomes `<file>.1` (replacing the previous one) and a new one starts: at most twice this on disk. */
  maxFileBytes?: number;
  /** Spans kept in memory for spans(): the oldest go first. */
  maxSpans?: number;
  /** Larger request bodies (after gunzip) are refused with 413. */
  maxBodyBytes?: number;
  /** Called with the spans of every accepted request, after they are stored. */
  onSpans?: (spans: SpanRecord[]) => void;
}

export interface OtlpReceiver {
  /** The endpoint to give as OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/traces). */
  url: string;
  port: number;
  /** The spans received so far (up to maxSpans), in arrival order. */
  spans(): SpanRecord[];
  close(): Promise<void>;
}

export const RECEIVER_DEFAULTS = { maxFileBytes: 32 * 1024 * 1024, maxSpans: 20_000, maxBodyBytes: 16 * 1024 * 1024 };

const KINDS: SpanKindName[] = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_CODES: StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const { host = '127.0.0.1', port = 0, file, onSpans } = options;
  const maxFileBytes = options.maxFileBytes ?? RECEIVER_DEFAULTS.maxFileBytes;
  const maxSpans = options.maxSpans ?? RECEIVER_DEFAULTS.maxSpans;
  const maxBodyBytes = options.maxBodyBytes ?? RECEIVER_DEFAULTS.maxBodyBytes;
  let kept: SpanRecord[] = [];
  if (file) mkdirSync(dirname(file), { recursive: true });

  const store = (records: SpanRecord[]) => {
    kept.push(...records);
    if (kept.length > maxSpans) kept = kept.slice(kept.length - maxSpans);
    if (file && records.length > 0) {
      // Synchronous: appends stay whole lines in arrival order, and a local receiver has nothing better to do meanwhile.
      if (fileSize(file) >= maxFileBytes) renameSync(file, `${file}.1`);
      appendFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    onSpans?.(records);
  };

  const server = createServer((req, res) => {
    handle(req, res, maxBodyBytes, store).catch((err: unknown) => {
      const status = err instanceof RequestError ? err.status : 400;
      reply(res, status, { code: status, message: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    spans: () => [...kept],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number, store: (records: SpanRecord[]) => void) {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/v1/traces') throw new RequestError(404, 'only POST /v1/traces (OTLP/HTTP traces) is served here');
  if (req.method !== 'POST') throw new RequestError(405, 'POST /v1/traces');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    // The default of NodeSDK's env-configured exporter is http/protobuf; the fleet's is http/json.
    throw new RequestError(
      415,
      `this local receiver reads OTLP/HTTP JSON only (Content-Type: application/json), not ${type || 'an untyped body'}: ` +
        'use @opentelemetry/exporter-trace-otlp-http (OTEL_EXPORTER_OTLP_PROTOCOL=http/json)',
    );
  }
  let body = await readBody(req, maxBodyBytes);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'gzip') body = await gunzipCapped(body, maxBodyBytes);
  else if (encoding !== 'identity') throw new RequestError(415, `unsupported Content-Encoding ${encoding} (gzip or none)`);
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    throw new RequestError(400, 'the body is not JSON');
  }
  store(flattenExportRequest(request));
  reply(res, 200, {});
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new RequestError(413, `body larger than ${maxBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function gunzipCapped(body: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(body, { maxOutputLength: maxBytes }, (err, out) => {
      if (err) reject(new RequestError((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 413 : 400, `gzip body: ${err.message}`));
      else resolve(out);
    });
  });
}

function reply(res: ServerResponse, status: number, body: object) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

// ---- OTLP JSON → records. The OTLP/JSON mapping allows enums as numbers or names, 64-bit integers as strings or
// numbers, and ids as hex; anything malformed in one span is skipped rather than refusing the whole batch.

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Flattens an ExportTraceServiceRequest (JSON) into one record per span. */
export function flattenExportRequest(request: unknown): SpanRecord[] {
  const records: SpanRecord[] = [];
  for (const resourceSpans of asArray(asObject(request).resourceSpans)) {
    const resource = attributesOf(asObject(asObject(resourceSpans).resource).attributes);
    const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : 'unknown_service';
    for (const scopeSpans of asArray(asObject(resourceSpans).scopeSpans)) {
      const scopeName = asObject(asObject(scopeSpans).scope).name;
      for (const raw of asArray(asObject(scopeSpans).spans)) {
        const span = asObject(raw);
        const traceId = idOf(span.traceId);
        const spanId = idOf(span.spanId);
        if (!traceId || !spanId) continue;
        const status = asObject(span.status);
        records.push({
          traceId,
          spanId,
          ...(idOf(span.parentSpanId) ? { parentSpanId: idOf(span.parentSpanId) } : {}),
          name: String(span.name ?? ''),
          kind: enumOf(span.kind, KINDS, 'SPAN_KIND_', 'UNSPECIFIED'),
          service,
          ...(typeof scopeName === 'string' && scopeName ? { scope: scopeName } : {}),
          startNs: nanosOf(span.startTimeUnixNano),
          endNs: nanosOf(span.endTimeUnixNano),
          status: {
            code: enumOf(status.code, STATUS_CODES, 'STATUS_CODE_', 'UNSET'),
            ...(typeof status.message === 'string' && status.message ? { message: status.message } : {}),
          },
          attributes: attributesOf(span.attributes),
          links: asArray(span.links).map((l) => ({ traceId: idOf(asObject(l).traceId) ?? '', spanId: idOf(asObject(l).spanId) ?? '', attributes: attributesOf(asObject(l).attributes) })),
          events: asArray(span.events).map((e) => ({ name: String(asObject(e).name ?? ''), timeNs: nanosOf(asObject(e).timeUnixNano), attributes: attributesOf(asObject(e).attributes) })),
        });
      }
    }
  }
  return records;
}

/** Hex as the OTLP/JSON mapping says; base64 (what a generic protobuf→JSON printer writes) converted to hex. */
function idOf(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^[0-9a-f]+$/i.test(v) && (v.length === 32 || v.length === 16)) return v.toLowerCase();
  const bytes = Buffer.from(v, 'base64');
  return bytes.length === 16 || bytes.length === 8 ? bytes.toString('hex') : undefined;
}

function enumOf<T extends string>(v: unknown, names: T[], prefix: string, fallback: T): T {
  if (typeof v === 'number') return names[v] ?? fallback;
  if (typeof v === 'string') {
    const name = v.startsWith(prefix) ? v.slice(prefix.length) : v;
    if ((names as string[]).includes(name)) return name as T;
  }
  return fallback;
}

function nanosOf(v: unknown): string {
  if (typeof v === 'string' && /^\d+$/.test(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v)).toString();
  const bits = asObject(v); // { low, high } if a protobuf-style long slipped through
  if (typeof bits.low === 'number' && typeof bits.high === 'number') return ((BigInt(bits.high >>> 0) << 32n) + BigInt(bits.low >>> 0)).toString();
  return '0';
}

function attributesOf(list: unknown): Attributes {
  const out: Attributes = {};
  for (const kv of asArray(list)) {
    const { key, value } = asObject(kv);
    if (typeof key === 'string') out[key] = anyValueOf(value);
  }
  return out;
}

function anyValueOf(v: unknown): unknown {
  const value = asObject(v);
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return typeof value.intValue === 'string' ? Number(value.intValue) : value.intValue;
  if ('doubleValue' in value) return value.doubleValue;
  if ('arrayValue' in value) return asArray(asObject(value.arrayValue).values).map(anyValueOf);
  if ('kvlistValue' in value) return attributesOf(asObject(value.kvlistValue).values);
  if ('bytesValue' in value) return value.bytesValue;
  return null;
}
