import http from 'node:http';
/** A tiny fetch wrapper for the tests: JSON in, parsed JSON (or text) out, headers kept. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as-is (no JSON.stringify), e.g. malformed JSON. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export class Api {
  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(this.base + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    // Every JSON answer of every gateway test is held to the public contract's "real nulls" rule.
    if (typeof parsed === 'object' && parsed !== null) assertRealNulls(parsed, `${method} ${path}`);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, options?: CallOptions) {
    return this.call<T>('GET', path, options);
  }
  post<T = any>(path: string, body?: unknown, options: CallOptions = {}) {
    return this.call<T>('POST', path, { ...options, body });
  }
  put<T = any>(path: string, body?: unknown, options: CallOptions = {}) {
    return this.call<T>('PUT', path, { ...options, body });
  }
  delete<T = any>(path: string, options?: CallOptions) {
    return this.call<T>('DELETE', path, options);
  }
}

/** Asserts the standard error body and returns it. */
export function expectErrorBody(res: ApiResponse, status: number, code?: string): Record<string, any> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  const body = res.body as Record<string, any>;
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(typeof body.code).toBe('string');
  expect(body.request_id).toBe(res.headers.get('x-request-id'));
  if (code) expect(body.code).toBe(code);
  return body;
}

/** Keys whose absent value must be `null`, never `""`: timestamps, ids, URLs. */
const ABSENT_MEANS_NULL = /(^id$|_id$|_at$|_url$|_date$|^bio$|^description$|^review$|^notes$)/;

/**
 * Fails on proto3 defaults leaking into the public JSON: `""` for an absent timestamp/id/URL and
 * `-1` sentinels for "none/unlimited" anywhere (the public contract answers `null` for both).
 */
export function sentinelsIn(value: unknown, path = '$'): string[] {
  const found: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => found.push(...sentinelsIn(v, `${path}[${i}]`)));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (v === '' && ABSENT_MEANS_NULL.test(key)) found.push(`${path}.${key} is "" (absent values are null)`);
      else if (v === -1) found.push(`${path}.${key} is -1 (a sentinel; absent values are null)`);
      else found.push(...sentinelsIn(v, `${path}.${key}`));
    }
  }
  return found;
}

export function assertRealNulls(body: unknown, where: string): void {
  const found = sentinelsIn(body);
  if (found.length > 0) throw new Error(`${where}: proto3 defaults in the public JSON:\n  ${found.slice(0, 10).join('\n  ')}`);
}

/** A raw request (node:http, not fetch: undici would ask for compressed bodies, decompress them and hide that). */
export function rawRequest(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
