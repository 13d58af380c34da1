import { randomUUID } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { createCatalogClient, type CatalogClient } from '@lms/kit/clients';
import { closeRedis, createRedis, waitForRedis } from '@lms/kit/redis';
import { testEnv, testLogger } from '@lms/kit/testing';
import { securityHeaders } from '../src/middleware/security-headers';
import { EdgeCache, noneMatch, strongEtag, type EdgeBody } from '../src/presentation/edge-cache';
import { createCourse, createLesson, publishCourse, publishLesson, startCatalogFleet, type CatalogFleet } from './support/catalog';
import { startScriptedGateway, uniquePrefix } from './support/gateway';
import { rawRequest, type Api } from './support/http';

/** A gateway (buildApp) whose catalog client counts its calls: a read served from the edge cache makes none. */
interface CountedGateway {
  api: Api;
  calls: Record<string, number>;
  stop(): Promise<void>;
}

async function countedGateway(fleet: CatalogFleet, redisUrl: string): Promise<CountedGateway> {
  const catalog = createCatalogClient(fleet.catalog.address, 5000);
  const calls: Record<string, number> = {};
  const counted = new Proxy(catalog, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || !/^[A-Z]/.test(name) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  }) as CatalogClient;
  const gateway = await startScriptedGateway(fleet.auth.address, 'edge', { catalog: counted }, { REDIS_URL: redisUrl, GRPC_DEADLINE_MS: '5000' });
  return {
    api: gateway.api,
    calls,
    async stop() {
      await gateway.stop();
      catalog.close();
    },
  };
}

/** A published course whose title holds a word no other course has (its own search results). */
async function publishedCourse(fleet: CatalogFleet, word: string): Promise<{ id: string; slug: string }> {
  const token = fleet.owner.access;
  const course = await createCourse(fleet.api, token, { title: `Edge ${word}`, description: `About ${word}` });
  await publishLesson(fleet.api, token, (await createLesson(fleet.api, token, course.id)).id);
  await publishCourse(fleet.api, token, course.id);
  return course;
}

/** fetch accepts gzip/br, so JSON answers come compressed: their ETag is the weak form of the body's strong one. */
const opaque = (etag: string | null) => (etag ?? '').replace(/^W\//, '');

const unique = () => `edge${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

describe('Edge cache of public reads, ETag and Cache-Control (real catalog, auth, Redis)', () => {
  let fleet: CatalogFleet;
  let gw: CountedGateway;

  beforeAll(async () => {
    fleet = await startCatalogFleet('edge_cache');
    gw = await countedGateway(fleet, testEnv.redisUrl);
  });
  afterAll(async () => {
    await gw?.stop();
    await fleet?.stop();
  });

  test('When a public list, detail, categories and top lists are read twice, then the second answer is the same bytes from memory: no gRPC call', async () => {
    const word = unique();
    const course = await publishedCourse(fleet, word);
    const reads: [string, string][] = [
      [`/api/v1/courses?search=${word}`, 'ListCourses'],
      [`/api/v1/courses/${course.id}`, 'GetCourse'],
      [`/api/v1/courses/slug/${course.slug}`, 'GetCourseBySlug'],
      ['/api/v1/courses/categories', 'ListCategories'],
      ['/api/v1/courses/popular?limit=5', 'ListPopularCourses'],
      ['/api/v1/courses/top-rated?limit=5', 'ListTopRatedCourses'],
    ];
    for (const [path, rpc] of reads) {
      const before = gw.calls[rpc] ?? 0;
      const first = await gw.api.get(path);
      const second = await gw.api.get(path);
      expect([path, first.status, second.status]).toEqual([path, 200, 200]);
      expect([path, gw.calls[rpc]]).toEqual([path, before + 1]);
      expect(second.text).toBe(first.text);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(first.headers.get('etag')).toMatch(/^(W\/)?"[A-Za-z0-9_-]+"$/);
      expect(second.headers.get('cache-control')).toBe('public, no-cache');
      expect(second.headers.get('vary')).toMatch(/Accept-Encoding/);
    }
    expect((await gw.api.get(`/api/v1/courses?search=${word}`)).body).toMatchObject({ total: 1, courses: [{ id: course.id }] });

    // The list's answer is the same for a signed-in student: served from memory too, but private to them.
    const before = gw.calls.ListCourses;
    const student = await gw.api.get(`/api/v1/courses?search=${word}`, { token: fleet.student.access });
    expect(student.status).toBe(200);
    expect(gw.calls.ListCourses).toBe(before);
    expect(student.headers.get('cache-control')).toBe('private, no-cache');
    expect(student.headers.get('vary')).toMatch(/Authorization/);
  });

  test('When If-None-Match names the current ETag, then 304 without a body — from memory and on a miss alike; another tag gets 200', async () => {
    const word = unique();
    await publishedCourse(fleet, word);
    const path = `/api/v1/courses?search=${word}`;
    const first = await gw.api.get(path);
    const etag = opaque(first.headers.get('etag'));
    for (const tag of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const res = await gw.api.get(path, { headers: { 'If-None-Match': tag } });
      expect([tag, res.status, res.text]).toEqual([tag, 304, '']);
      expect(opaque(res.headers.get('etag'))).toBe(opaque(etag));
      expect(res.headers.get('cache-control')).toBe('public, no-cache');
    }
    expect((await gw.api.get(path, { headers: { 'If-None-Match': '"nope"' } })).status).toBe(200);

    // A miss (a query this gateway never served; the tag came from another replica): computed, then compared.
    const other = `/api/v1/courses?search=${word}&page_size=7`;
    const tag = (await fleet.api.get(other)).headers.get('etag') as string;
    const before = gw.calls.ListCourses;
    const miss = await gw.api.get(other, { headers: { 'If-None-Match': tag } });
    expect(miss.status).toBe(304);
    expect(gw.calls.ListCourses).toBe(before + 1);
  });

  test('When a course is updated, unpublished or published again (through this gateway or another replica), then the next read reflects it at once', async () => {
    const word = unique();
    const course = await publishedCourse(fleet, word);
    const token = fleet.owner.access;
    const list = `/api/v1/courses?search=${word}`;
    const detail = `/api/v1/courses/${course.id}`;
    expect((await gw.api.get(list)).body.total).toBe(1);
    expect((await gw.api.get(detail)).status).toBe(200);

    expect((await gw.api.put(detail, { title: `Renamed ${word}` }, { token })).status).toBe(200);
    expect((await gw.api.get(list)).body.courses[0].title).toBe(`Renamed ${word}`);
    expect((await gw.api.get(detail)).body.title).toBe(`Renamed ${word}`);

    expect((await gw.api.post(`${detail}/unpublish`, undefined, { token })).status).toBe(200);
    expect((await gw.api.get(list)).body.total).toBe(0);
    expect((await gw.api.get(detail)).status).toBe(404);

    expect((await gw.api.post(`${detail}/publish`, undefined, { token })).status).toBe(200);
    expect((await gw.api.get(list)).body.total).toBe(1);

    // Another replica's write: catalog bumps the same validators, so this gateway's copy is dropped too.
    expect((await fleet.api.put(detail, { title: `Elsewhere ${word}` }, { token })).status).toBe(200);
    expect((await gw.api.get(list)).body.courses[0].title).toBe(`Elsewhere ${word}`);
    expect((await gw.api.get(detail)).body.title).toBe(`Elsewhere ${word}`);
  });

  test('When a list is widened to drafts or a draft is read by its owner, then nothing is kept or shared: private, no-store, a call each time', async () => {
    const word = unique();
    const draft = await createCourse(fleet.api, fleet.owner.access, { title: `Draft ${word}` });
    const token = fleet.owner.access;
    const widened = `/api/v1/courses?search=${word}&include_unpublished=true`;
    let before = gw.calls.ListCourses ?? 0;
    for (let i = 0; i < 2; i++) {
      const res = await gw.api.get(widened, { token });
      expect(res.body).toMatchObject({ total: 1, courses: [{ id: draft.id }] });
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('etag')).toBeNull();
    }
    expect(gw.calls.ListCourses).toBe(before + 2);
    // The same query anonymously (include_unpublished ignored): the public view, without the draft.
    expect((await gw.api.get(widened)).body.total).toBe(0);

    before = gw.calls.GetCourse ?? 0;
    for (let i = 0; i < 2; i++) {
      const res = await gw.api.get(`/api/v1/courses/${draft.id}`, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
    expect(gw.calls.GetCourse).toBe(before + 2);
    expect((await gw.api.get(`/api/v1/courses/${draft.id}`)).status).toBe(404);
    expect((await gw.api.get(`/api/v1/courses/${draft.id}`, { token: fleet.student.access })).status).toBe(404);
  });

  test('When the gateway cannot reach Redis, then nothing is served from memory: every read asks catalog and sees every write', async () => {
    const noRedis = await countedGateway(fleet, 'redis://127.0.0.1:1');
    try {
      const word = unique();
      const course = await publishedCourse(fleet, word);
      const list = `/api/v1/courses?search=${word}`;
      for (let i = 0; i < 3; i++) expect((await noRedis.api.get(list)).body.total).toBe(1);
      expect(noRedis.calls.ListCourses).toBe(3);
      expect((await fleet.api.put(`/api/v1/courses/${course.id}`, { title: `Moved ${word}` }, { token: fleet.owner.access })).status).toBe(200);
      expect((await noRedis.api.get(list)).body.courses[0].title).toBe(`Moved ${word}`);
    } finally {
      await noRedis.stop();
    }
  });

  test('When a public document is fetched, then it has an ETag and If-None-Match gets 304', async () => {
    const first = await gw.api.get('/openapi.json');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^(W\/)?"/);
    const again = await gw.api.get('/openapi.json', { headers: { 'If-None-Match': etag } });
    expect([again.status, again.text]).toEqual([304, '']);
  });

  test('When the body goes out as it is, then its ETag is strong; gzipped, the same tag is weak (another representation)', async () => {
    const word = unique();
    await publishedCourse(fleet, word);
    const plain = (await rawRequest(`${fleet.gw.base}/api/v1/courses?search=${word}`)).headers;
    const gzipped = (await rawRequest(`${fleet.gw.base}/api/v1/courses?search=${word}`, { 'accept-encoding': 'gzip' })).headers;
    expect(plain['content-encoding']).toBeUndefined();
    expect(plain.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(gzipped['content-encoding']).toBe('gzip');
    expect(gzipped.etag).toBe(`W/${plain.etag as string}`);
  });

  /** Enough courses for a page over the compression threshold (1 KB). */
  async function bigPublicList(): Promise<string> {
    const word = unique();
    for (let i = 0; i < 4; i += 1) await publishedCourse(fleet, `${word} ${'lorem ipsum '.repeat(10)}${i}`);
    return `${gw.api.base}/api/v1/courses?search=${word}`;
  }

  /**
   * The first ask of a coding compresses the kept page in the background and is itself compressed as any answer (chunked,
   * no length); then the kept bytes go out as they are, with their length.
   */
  async function keptEncoded(url: string, accept: string): Promise<Awaited<ReturnType<typeof rawRequest>>> {
    let res = await rawRequest(url, { 'accept-encoding': accept });
    for (let i = 0; i < 100 && res.headers['content-length'] === undefined; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      res = await rawRequest(url, { 'accept-encoding': accept });
    }
    return res;
  }

  test('When a browser reads a kept page, then the compressor\'s bytes kept with the page go out: the same JSON, no call, weak ETag, Vary, a 304 for it', async () => {
    const url = await bigPublicList();
    const plain = await rawRequest(url);
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1024);
    const calls = gw.calls.ListCourses;
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const res = await keptEncoded(url, accept);
      expect([accept, res.status, res.headers['content-encoding']]).toEqual([accept, 200, coding]);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(plain.body.length);
      expect(decode(res.body).equals(plain.body)).toBe(true);
      expect(res.headers.etag).toBe(`W/${plain.headers.etag as string}`);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(res.headers['cache-control']).toBe('public, no-cache');
      const again = await rawRequest(url, { 'accept-encoding': accept, 'if-none-match': res.headers.etag as string });
      expect([again.status, again.body.length]).toEqual([304, 0]);
    }
    expect(gw.calls.ListCourses).toBe(calls);

    // Without Accept-Encoding, and for a HEAD, the page goes out as it is.
    expect((await rawRequest(url)).body.equals(plain.body)).toBe(true);
    const head = await rawRequest(url, { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, undefined, 0]);
  });

  test('When the page changes, then the next read is the new page in every coding (kept encodings go with their page)', async () => {
    const url = await bigPublicList();
    const res = await keptEncoded(url, 'br');
    const before = JSON.parse(zlib.brotliDecompressSync(res.body).toString('utf8')) as { total: number };
    await publishedCourse(fleet, `${new URL(url).searchParams.get('search')} extra`);
    const after = await rawRequest(url, { 'accept-encoding': 'br' });
    expect(after.headers['content-encoding']).toBe('br');
    expect((JSON.parse(zlib.brotliDecompressSync(after.body).toString('utf8')) as { total: number }).total).toBe(before.total + 1);
  });
});

describe('Security headers', () => {
  async function headersOf(middleware: express.RequestHandler): Promise<Record<string, string>> {
    const app = express();
    app.disable('x-powered-by');
    app.use(middleware);
    app.get('/', (_req, res) => {
      res.end('ok');
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const out: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) out[name] = value;
      });
      return out;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  test("When a response is sent, then it carries exactly helmet's headers (precomputed once, set by one middleware)", async () => {
    const expected = await headersOf(helmet());
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(12);
    expect(await headersOf(securityHeaders())).toEqual(expected);
  });
});

describe('EdgeCache (real Redis)', () => {
  let redis: ReturnType<typeof createRedis>;
  const key = `${uniquePrefix('edge-unit')}generation`;
  const answer = (text: string) => ({ body: Buffer.from(text), etag: strongEtag(text) });

  beforeAll(async () => {
    redis = createRedis(testEnv.redisUrl);
    await waitForRedis(redis, 5000);
  });
  afterAll(async () => {
    await redis.del(key);
    await closeRedis(redis);
  });

  test('When a validator changes or the TTL passes, then the entry is not served; the least recently used goes first past the bounds', async () => {
    await redis.set(key, '1');
    const cache = new EdgeCache(redis, { maxBytes: 1 << 20, maxEntries: 2 }, testLogger('edge'));
    cache.store('a', answer('A'), { scope: 'public', validators: [[key, '1']], ttlSeconds: 60 });
    expect((await cache.lookup('a'))?.body.toString()).toBe('A');
    await redis.incr(key);
    expect(await cache.lookup('a')).toBeUndefined();

    cache.store('a', answer('A'), { scope: 'public', validators: [[key, '2']], ttlSeconds: 60 });
    cache.store('b', answer('B'), { scope: 'public', validators: [[key, '2']], ttlSeconds: 60 });
    await cache.lookup('a'); // a is now the most recently used
    cache.store('c', answer('C'), { scope: 'public', validators: [[key, '2']], ttlSeconds: 60 });
    expect(await cache.lookup('b')).toBeUndefined();
    expect((await cache.lookup('a'))?.body.toString()).toBe('A');
    expect((await cache.lookup('c'))?.body.toString()).toBe('C');

    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      expect(await cache.lookup('a')).toBeUndefined();
    } finally {
      clock.mockRestore();
    }
  });

  test('When an answer is larger than the byte budget, or the budget is 0, then it is not kept', async () => {
    await redis.set(key, '1');
    const hint = { scope: 'public' as const, validators: [[key, '1']] as [string, string][], ttlSeconds: 60 };
    const small = new EdgeCache(redis, { maxBytes: 4096, maxEntries: 100 }, testLogger('edge'));
    small.store('big', answer('x'.repeat(8192)), hint);
    expect(await small.lookup('big')).toBeUndefined();
    for (let i = 0; i < 10; i++) small.store(`k${i}`, answer('y'.repeat(1000)), hint);
    expect(await small.lookup('k0')).toBeUndefined();
    expect(await small.lookup('k9')).toBeDefined();
    const off = new EdgeCache(redis, { maxBytes: 0, maxEntries: 100 }, testLogger('edge'));
    expect(off.enabled).toBe(false);
    off.store('a', answer('A'), hint);
    expect(await off.lookup('a')).toBeUndefined();
  });

  test('When a kept page is asked for in a coding, then it is compressed once in the background, counted in the budget, and dropped with its page', async () => {
    await redis.set(key, '1');
    const hint = { scope: 'public' as const, validators: [[key, '1']] as [string, string][], ttlSeconds: 60 };
    const page = JSON.stringify({ courses: Array.from({ length: 40 }, (_, i) => ({ id: randomUUID(), title: `Course ${i}` })) });
    const settled = async (cache: EdgeCache, hit: EdgeBody) => {
      for (let i = 0; i < 100 && cache.encoded(hit, 'br') === undefined; i += 1) await new Promise((r) => setTimeout(r, 10));
      return cache.encoded(hit, 'br');
    };
    const cache = new EdgeCache(redis, { maxBytes: 1 << 20, maxEntries: 10 }, testLogger('edge'));
    const fresh = answer(page);
    cache.store('a', fresh, hint);
    expect(cache.encoded(fresh, 'br')).toBeUndefined(); // not the kept entry: an answer on its way only
    const hit = (await cache.lookup('a'))!;
    expect(cache.encoded(hit, 'br')).toBeUndefined(); // the first ask starts it
    const br = await settled(cache, hit);
    expect(zlib.brotliDecompressSync(br!).toString()).toBe(page);
    expect(cache.encoded(hit, 'br')).toBe(br); // kept: the same bytes each time
    expect(cache.encoded(hit, 'gzip')).toBeUndefined();

    // Its bytes count: a budget that holds the page and its encoding but not a second page drops the older one.
    const tight = new EdgeCache(redis, { maxBytes: 2 * (page.length + 600) + br!.length - 200, maxEntries: 10 }, testLogger('edge'));
    tight.store('a', answer(page), hint);
    tight.store('b', answer(page), hint);
    const first = (await tight.lookup('a'))!;
    expect(await settled(tight, first)).toBeDefined();
    expect(await tight.lookup('b')).toBeUndefined();
    expect(await tight.lookup('a')).toBe(first);

    // A page whose encoding alone would not fit stays unencoded (it is still served as it is).
    const small = new EdgeCache(redis, { maxBytes: page.length + 600, maxEntries: 10 }, testLogger('edge'));
    small.store('a', answer(page), hint);
    const only = (await small.lookup('a'))!;
    expect(small.encoded(only, 'br')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    expect(small.encoded(only, 'br')).toBeUndefined();
    expect(await small.lookup('a')).toBe(only);

    // A changed page takes its encodings with it: its successor starts with none.
    await redis.incr(key);
    expect(await cache.lookup('a')).toBeUndefined();
    cache.store('a', answer(page), { ...hint, validators: [[key, '2']] });
    expect(cache.encoded((await cache.lookup('a'))!, 'br')).toBeUndefined();
  });

  test('When lookups arrive in the same turn of the event loop, then they share one MGET; a later one sends its own', async () => {
    await redis.set(key, '1');
    const cache = new EdgeCache(redis, { maxBytes: 1 << 20, maxEntries: 10 }, testLogger('edge'));
    const hint = { scope: 'public' as const, validators: [[key, '1']] as [string, string][], ttlSeconds: 60 };
    cache.store('a', answer('A'), hint);
    cache.store('b', answer('B'), hint);
    const mget = jest.spyOn(redis, 'mget');
    try {
      const [a, b] = await Promise.all([cache.lookup('a'), cache.lookup('b')]);
      expect([a?.body.toString(), b?.body.toString()]).toEqual(['A', 'B']);
      expect(mget).toHaveBeenCalledTimes(1);
      await redis.incr(key);
      expect(await cache.lookup('a')).toBeUndefined();
      expect(mget).toHaveBeenCalledTimes(2);
    } finally {
      mget.mockRestore();
    }
  });

  test('If-None-Match is compared weakly, list and wildcard included', () => {
    expect(noneMatch('"a"', '"a"')).toBe(true);
    expect(noneMatch('W/"a"', '"a"')).toBe(true);
    expect(noneMatch('"b" , W/"a"', '"a"')).toBe(true);
    expect(noneMatch('*', '"a"')).toBe(true);
    expect(noneMatch('"b"', '"a"')).toBe(false);
    expect(noneMatch(undefined, '"a"')).toBe(false);
  });
});
