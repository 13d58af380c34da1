import type { SpanRecord } from './receiver';

/**
 * The terminal view of the local receiver's spans (`scripts/trace`): pure functions from records to text, so the
 * output is the same for the same records (no clock, no environment).
 */

/** The span attribute the gateway's server span and the consumers' spans carry: what a developer has from a response or a log line. */
export const REQUEST_ID_ATTRIBUTE = 'lms.request_id';

export interface TraceSummary {
  traceId: string;
  startNs: bigint;
  endNs: bigint;
  /** The earliest span without a parent in the trace (or whose parent never arrived). */
  root: SpanRecord;
  services: string[];
  spans: number;
  errors: number;
  requestId?: string;
}

export interface RenderOptions {
  color?: boolean;
  /** Columns of the time bar. */
  barWidth?: number;
}

const BAR_WIDTH = 40;
/** Where a line's name starts: duration (10), bar (width + 2 rails), service, kind (7), two spaces between each. */
const NAME_COLUMN = (barWidth: number, serviceWidth: number) => 10 + 2 + barWidth + 2 + 2 + serviceWidth + 2 + 7 + 2;

/** Spans per trace; a span received twice (e.g. re-exported after a retry) counts once. */
export function groupByTrace(records: SpanRecord[]): Map<string, SpanRecord[]> {
  const traces = new Map<string, Map<string, SpanRecord>>();
  for (const record of records) {
    let spans = traces.get(record.traceId);
    if (!spans) traces.set(record.traceId, (spans = new Map()));
    spans.set(record.spanId, record);
  }
  return new Map([...traces].map(([id, spans]) => [id, [...spans.values()]]));
}

export function isError(span: SpanRecord): boolean {
  return span.status.code === 'ERROR' || span.events.some((e) => e.name === 'exception');
}

export function summarize(traceId: string, spans: SpanRecord[]): TraceSummary {
  const ids = new Set(spans.map((s) => s.spanId));
  const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId)).sort(byStart);
  const requestIds = spans.map((s) => s.attributes[REQUEST_ID_ATTRIBUTE]).filter((v): v is string => typeof v === 'string');
  const startNs = min(spans.map((s) => BigInt(s.startNs)));
  const root = roots[0] ?? [...spans].sort(byStart)[0];
  return {
    traceId,
    startNs,
    endNs: max(spans.map((s) => BigInt(s.endNs))),
    root,
    // The root's service first: the one the trace entered through.
    services: [root.service, ...[...new Set(spans.map((s) => s.service))].filter((s) => s !== root.service).sort()],
    spans: spans.length,
    errors: spans.filter(isError).length,
    ...(requestIds.length ? { requestId: requestIds[0] } : {}),
  };
}

/** The most recent traces first (by start; ties by id). */
export function listTraces(records: SpanRecord[], limit = 20): TraceSummary[] {
  return [...groupByTrace(records)]
    .map(([id, spans]) => summarize(id, spans))
    .sort((a, b) => (a.startNs === b.startNs ? a.traceId.localeCompare(b.traceId) : a.startNs > b.startNs ? -1 : 1))
    .slice(0, limit);
}

/**
 * The most recent trace that starts with a request or a message (a SERVER or CONSUMER root) and did more than
 * answer by itself — a health check or a lone background query is rarely what a developer wants to see;
 * else the most recent trace of any kind.
 */
export function lastTraceId(records: SpanRecord[]): string | undefined {
  const traces = listTraces(records, Number.MAX_SAFE_INTEGER);
  const entered = traces.find((t) => (t.root.kind === 'SERVER' || t.root.kind === 'CONSUMER') && t.spans > 1);
  return (entered ?? traces[0])?.traceId;
}

/**
 * The traces an id names: a trace id (any case), or else every trace one of whose spans carries it as
 * lms.request_id (a request whose work continued in another trace, e.g. a consumer's), oldest first.
 */
export function findTraceIds(records: SpanRecord[], id: string): string[] {
  const wanted = id.trim();
  const traceId = wanted.toLowerCase();
  if (records.some((r) => r.traceId === traceId)) return [traceId];
  const matching = records.filter((r) => r.attributes[REQUEST_ID_ATTRIBUTE] === wanted).map((r) => r.traceId);
  const traces = groupByTrace(records);
  return [...new Set(matching)]
    .map((t) => summarize(t, traces.get(t)!))
    .sort((a, b) => (a.startNs === b.startNs ? a.traceId.localeCompare(b.traceId) : a.startNs < b.startNs ? -1 : 1))
    .map((s) => s.traceId);
}

interface Node {
  span: SpanRecord;
  children: Node[];
}

/**
 * One trace as a waterfall: a header, then one line per span in tree order (children by start time), with its
 * duration, a bar placed on the trace's time line, its service, kind and name; below a span, its error and
 * exceptions and the spans it is linked from; at the end, the other traces that link into this one.
 */
export function renderWaterfall(traceId: string, records: SpanRecord[], options: RenderOptions = {}): string {
  const paint = painter(options.color ?? false);
  const width = options.barWidth ?? BAR_WIDTH;
  const spans = groupByTrace(records).get(traceId) ?? [];
  if (spans.length === 0) return `trace ${traceId}: no spans`;
  const summary = summarize(traceId, spans);
  const total = summary.endNs - summary.startNs;
  const bySpan = new Map(records.map((r) => [`${r.traceId}/${r.spanId}`, r]));

  const nodes = new Map(spans.map((s) => [s.spanId, { span: s, children: [] } as Node]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentSpanId !== undefined && node.span.parentSpanId !== node.span.spanId ? nodes.get(node.span.parentSpanId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: Node, b: Node) => byStart(a.span, b.span);
  roots.sort(order);
  for (const node of nodes.values()) node.children.sort(order);

  const serviceWidth = Math.max(...spans.map((s) => s.service.length));
  const lines = [header(summary, paint)];
  const seen = new Set<string>();
  const walk = (node: Node, prefix: string, branch: string, isRoot: boolean) => {
    if (seen.has(node.span.spanId)) return; // a corrupt parent cycle is shown once, not for ever
    seen.add(node.span.spanId);
    const s = node.span;
    const failed = isError(s);
    const name = `${paint.dim(prefix + branch)}${failed ? paint.red(`${operationOf(s)} ✗`) : operationOf(s)}${isRoot && s.parentSpanId ? paint.dim(` (parent ${s.parentSpanId} not received)`) : ''}`;
    lines.push(
      `${paint.bold(ms(BigInt(s.endNs) - BigInt(s.startNs)).padStart(10))}  ${bar(BigInt(s.startNs) - summary.startNs, BigInt(s.endNs) - summary.startNs, total, width, failed, paint)}  ` +
        `${paint.service(s.service, s.service.padEnd(serviceWidth))}  ${kindLabel(s.kind).padEnd(7)}  ${name}`,
    );
    // Under a span, its details keep the tree's lines going: its parent's rail and, when it has children, its own.
    const childPrefix = isRoot ? '' : prefix + (branch === '└─ ' ? '   ' : '│  ');
    const detailIndent = ' '.repeat(NAME_COLUMN(width, serviceWidth)) + paint.dim(childPrefix + (node.children.length ? '│ ' : '  '));
    for (const detail of details(s, bySpan)) lines.push(detailIndent + (detail.error ? paint.red(detail.text) : paint.dim(detail.text)));
    node.children.forEach((child, i) => walk(child, childPrefix, i === node.children.length - 1 ? '└─ ' : '├─ ', false));
  };
  for (const root of roots) walk(root, '', '', true);

  const inbound = linkedFromElsewhere(traceId, spans, records);
  if (inbound.length) {
    lines.push('', paint.dim('Linked from other traces (scripts/trace <trace id> to follow):'));
    for (const l of inbound) lines.push(`  ${l.traceId}  ${l.service}  ${l.name}  → ${l.target}`);
  }
  return lines.join('\n');
}

/** The trace list of `scripts/trace --list`: newest first. */
export function renderList(summaries: TraceSummary[], options: RenderOptions = {}): string {
  const paint = painter(options.color ?? false);
  if (summaries.length === 0) return 'no traces yet';
  const head = `${'START (UTC)'.padEnd(24)}  ${'TRACE'.padEnd(32)}  ${'DURATION'.padStart(10)}  ${'SPANS'.padStart(5)}  ${'ERR'.padStart(3)}  ROOT`;
  return [
    paint.bold(head),
    ...summaries.map((t) => {
      const errors = t.errors ? paint.red(String(t.errors).padStart(3)) : '   ';
      const others = t.services.slice(1);
      return (
        `${isoOf(t.startNs)}  ${t.traceId}  ${ms(t.endNs - t.startNs).padStart(10)}  ${String(t.spans).padStart(5)}  ${errors}  ` +
        `${operationOf(t.root)} ${paint.service(t.root.service, `(${t.root.service})`)}${others.length ? ` → ${others.join(', ')}` : ''}` +
        `${t.requestId ? paint.dim(`  request ${t.requestId}`) : ''}`
      );
    }),
  ].join('\n');
}

function header(t: TraceSummary, paint: Painter): string {
  // The service the trace entered through, then the others (by name: the tree below shows who called whom).
  const services = t.services.length > 1 ? `${t.services[0]} → ${t.services.slice(1).join(', ')}` : t.services[0];
  const parts = [`trace ${t.traceId}`, isoOf(t.startNs), ms(t.endNs - t.startNs), `${t.spans} span${t.spans === 1 ? '' : 's'}`, services];
  if (t.requestId) parts.push(`request ${t.requestId}`);
  if (t.errors) parts.push(paint.red(`${t.errors} with errors`));
  return paint.bold(parts.join('  ·  '));
}

function details(span: SpanRecord, bySpan: Map<string, SpanRecord>): { text: string; error: boolean }[] {
  const out: { text: string; error: boolean }[] = [];
  if (span.status.code === 'ERROR') out.push({ text: `✗ status ERROR${span.status.message ? `: ${span.status.message}` : ''}`, error: true });
  for (const e of span.events.filter((ev) => ev.name === 'exception')) {
    const type = e.attributes['exception.type'];
    const message = e.attributes['exception.message'];
    out.push({ text: `✗ exception ${[type, message].filter((v) => v !== undefined && v !== '').join(': ')}`.trimEnd(), error: true });
  }
  for (const link of span.links) {
    const from = bySpan.get(`${link.traceId}/${link.spanId}`);
    const where = link.traceId === span.traceId ? '' : `, trace ${link.traceId}`;
    out.push({ text: from ? `↳ linked from ${operationOf(from)} (${from.service}${where})` : `↳ linked from span ${link.spanId} (not received${where})`, error: false });
  }
  return out;
}

function linkedFromElsewhere(traceId: string, spans: SpanRecord[], records: SpanRecord[]) {
  const names = new Map(spans.map((s) => [s.spanId, operationOf(s)]));
  const out: { traceId: string; service: string; name: string; target: string }[] = [];
  for (const r of [...records].sort(byStart)) {
    if (r.traceId === traceId) continue;
    for (const link of r.links) {
      if (link.traceId === traceId) out.push({ traceId: r.traceId, service: r.service, name: operationOf(r), target: names.get(link.spanId) ?? `span ${link.spanId}` });
    }
  }
  return out;
}

function bar(fromNs: bigint, toNs: bigint, totalNs: bigint, width: number, failed: boolean, paint: Painter): string {
  const scale = (ns: bigint) => (totalNs > 0n ? Number((ns * BigInt(width * 1000)) / totalNs) / 1000 : 0);
  const start = Math.min(width - 1, Math.max(0, Math.floor(scale(fromNs))));
  const end = Math.max(start + 1, Math.min(width, Math.ceil(scale(toNs))));
  const filled = '█'.repeat(end - start);
  return `${paint.dim('│')}${' '.repeat(start)}${failed ? paint.red(filled) : filled}${' '.repeat(width - end)}${paint.dim('│')}`;
}

/**
 * The span's operation. An HTTP server span without a matched route is named by its method alone (the
 * semantic conventions' rule): its path is added, or `GET` on a 404 says nothing.
 */
function operationOf(span: SpanRecord): string {
  const path = span.attributes['http.route'] ?? span.attributes['url.path'] ?? span.attributes['http.target'];
  return /^[A-Z]+$/.test(span.name) && typeof path === 'string' && path ? `${span.name} ${path}` : span.name;
}

function kindLabel(kind: SpanRecord['kind']): string {
  return { SERVER: 'server', CLIENT: 'client', PRODUCER: 'send', CONSUMER: 'receive', INTERNAL: '', UNSPECIFIED: '' }[kind];
}

function ms(ns: bigint): string {
  return `${(Number(ns) / 1e6).toFixed(1)} ms`;
}

function isoOf(ns: bigint): string {
  return new Date(Number(ns / 1_000_000n)).toISOString();
}

function byStart(a: SpanRecord, b: SpanRecord): number {
  const x = BigInt(a.startNs);
  const y = BigInt(b.startNs);
  return x === y ? a.spanId.localeCompare(b.spanId) : x < y ? -1 : 1;
}

const min = (values: bigint[]) => values.reduce((a, b) => (b < a ? b : a));
const max = (values: bigint[]) => values.reduce((a, b) => (b > a ? b : a));

interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  service(name: string, s: string): string;
}

// One colour per service, the same in every run: a hash of its name picks from the palette.
const SERVICE_COLOURS = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];

function painter(color: boolean): Painter {
  const sgr = (code: number | string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return {
    bold: (s) => sgr(1, s),
    dim: (s) => sgr(2, s),
    red: (s) => sgr(31, s),
    service: (name, s) => sgr(SERVICE_COLOURS[[...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % SERVICE_COLOURS.length], s),
  };
}
