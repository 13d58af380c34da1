import { randomUUID } from 'node:crypto';

/** Every status a client saw, by operation (`enrol 201`, `complete 503`, `complete ERR` for a transport failure). */
export class Tally {
  readonly counts = new Map<string, number>();
  /** The first answer body of every non-2xx `op status`, for the report. */
  readonly samples = new Map<string, string>();
  requests = 0;
  add(op: string, status: number, body: unknown) {
    this.requests++;
    const key = `${op} ${status || 'ERR'}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if ((status < 200 || status > 299) && !this.samples.has(key)) this.samples.set(key, (typeof body === 'string' ? body : JSON.stringify(body) ?? '').slice(0, 160));
  }
  /** Non-2xx answers by status, all operations together. */
  errorsByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const status = key.split(' ').pop()!;
      if (!status.startsWith('2')) out[status] = (out[status] ?? 0) + n;
    }
    return out;
  }
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field
}

/** Statuses a client retries: the fleet was (partly) down or busy, the request may be sent again. */
const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);

/**
 * The gateway as a virtual user sees it: every request recorded in the tally; `call` retries a retryable failure
 * (same body and the same Idempotency-Key on the routes that honour it) until it gets an answer or `retryForMs`
 * runs out.
 */
export class Api {
  constructor(
    readonly base: string,
    readonly tally: Tally,
    private readonly retryForMs = 90_000,
  ) {}

  async once(op: string, method: string, path: string, opts: { token?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    let answer: Answer;
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: kept as text */
      }
      answer = { status: res.status, body };
    } catch (err) {
      answer = { status: 0, body: String((err as Error).message) };
    }
    this.tally.add(op, answer.status, answer.body);
    return answer;
  }

  async call(op: string, method: string, path: string, opts: { token?: string; body?: unknown; idempotent?: boolean } = {}): Promise<Answer> {
    const idempotencyKey = opts.idempotent ? randomUUID() : undefined;
    const deadline = Date.now() + this.retryForMs;
    let delay = 200;
    for (;;) {
      const answer = await this.once(op, method, path, { ...opts, idempotencyKey });
      if (!RETRYABLE.has(answer.status) || Date.now() > deadline) return answer;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 3000);
    }
  }
}

