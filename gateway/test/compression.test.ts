import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import { preferredCoding, processTime, responseCompression } from '../src/middleware/compression';
import { startGateway, type TestGateway } from './support/gateway';
import { startHealthStub } from './support/health-stub';
import { rawRequest } from './support/http';

const rawGet = (base: string, path: string, headers: Record<string, string> = {}) => rawRequest(`${base}${path}`, headers);

describe('Response compression and X-Process-Time', () => {
  let stub: Awaited<ReturnType<typeof startHealthStub>>;
  let gw: TestGateway;
  let document: unknown;

  beforeAll(async () => {
    stub = await startHealthStub();
    gw = await startGateway(stub.address);
    const plain = await rawGet(gw.base, '/openapi.json');
    document = JSON.parse(plain.body.toString('utf8'));
  });
  afterAll(async () => {
    await gw?.stop();
    await stub?.stop();
  });

  test('When the client accepts gzip, then /openapi.json is gzip-compressed and decompresses to the document', async () => {
    const res = await rawGet(gw.base, '/openapi.json', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    const body = zlib.gunzipSync(res.body);
    expect(body.length).toBeGreaterThan(res.body.length);
    expect(JSON.parse(body.toString('utf8'))).toEqual(document);
  });

  test('When the client accepts br (and gzip), then the body is brotli-compressed', async () => {
    for (const accept of ['br', 'gzip, deflate, br']) {
      const res = await rawGet(gw.base, '/openapi.json', { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe('br');
      expect(JSON.parse(zlib.brotliDecompressSync(res.body).toString('utf8'))).toEqual(document);
    }
  });

  test('When the client sends no Accept-Encoding (or identity only), then nothing is compressed', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const res = await rawGet(gw.base, '/openapi.json', headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(res.body.toString('utf8'))).toEqual(document);
    }
  });

  test('When the body is tiny (/health), then it is not compressed even if gzip is accepted', async () => {
    const res = await rawGet(gw.base, '/health', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ status: 'healthy' });
  });

  test('When a body kept already encoded picks its coding (preferredCoding), then it is the one the compressor picks, or none', async () => {
    const headers = ['gzip, deflate, br', 'br', 'gzip', 'br;q=0, gzip', 'gzip;q=0.8, br;q=0.5', 'BR ; q=0.9, gzip;q=0.9', '*', 'br;q=0', 'identity',
      'deflate', 'deflate, gzip;q=0.5', 'gzip;q=0.5, identity', 'gzip;level=9', 'br;q=0.001'];
    const picked: Record<string, string | undefined> = {};
    for (const accept of headers) {
      const dynamic = await rawGet(gw.base, '/openapi.json', { 'accept-encoding': accept });
      const coding = preferredCoding(accept);
      picked[accept] = coding;
      // Undefined leaves the choice to the compressor; a coding must be the compressor's own choice.
      if (coding) expect([accept, coding]).toEqual([accept, dynamic.headers['content-encoding']]);
    }
    expect(picked).toEqual({
      'gzip, deflate, br': 'br', br: 'br', gzip: 'gzip', 'br;q=0, gzip': 'gzip', 'gzip;q=0.8, br;q=0.5': 'gzip', 'BR ; q=0.9, gzip;q=0.9': 'br', '*': 'br',
      'br;q=0': undefined, identity: undefined, deflate: undefined, 'deflate, gzip;q=0.5': undefined, 'gzip;q=0.5, identity': undefined,
      'gzip;level=9': undefined, 'br;q=0.001': 'br',
    });
    expect(preferredCoding(undefined)).toBeUndefined();
    expect(preferredCoding('')).toBeUndefined();
  });

  test('Every response carries a numeric X-Process-Time in seconds (ms precision), errors included', async () => {
    for (const path of ['/health', '/openapi.json', '/api/v1/no-such-route']) {
      const res = await rawGet(gw.base, path, { 'accept-encoding': 'gzip' });
      const value = res.headers['x-process-time'];
      expect(value).toMatch(/^\d+\.\d{3}$/);
      expect(Number(value)).toBeGreaterThanOrEqual(0);
      expect(Number(value)).toBeLessThan(10);
    }
  });
});

describe('Streamed responses are never compressed', () => {
  test('When a route streams Server-Sent Events or says no-transform, then it goes out uncompressed whatever the client accepts', async () => {
    const app = express();
    app.use(processTime(), responseCompression());
    const big = 'x'.repeat(4096);
    app.get('/events', (_req, res) => {
      res.setHeader('Content-Type', 'text/event-stream');
      res.write(`data: ${big}\n\n`);
      res.end();
    });
    app.get('/stream', (_req, res) => {
      res.setHeader('Cache-Control', 'no-transform');
      res.json({ big });
    });
    app.get('/json', (_req, res) => {
      res.json({ big });
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const events = await rawGet(base, '/events', { 'accept-encoding': 'gzip, br' });
      expect(events.headers['content-encoding']).toBeUndefined();
      expect(events.body.toString('utf8')).toBe(`data: ${big}\n\n`);
      expect(events.headers['x-process-time']).toMatch(/^\d+\.\d{3}$/);
      const stream = await rawGet(base, '/stream', { 'accept-encoding': 'gzip, br' });
      expect(stream.headers['content-encoding']).toBeUndefined();
      const json = await rawGet(base, '/json', { 'accept-encoding': 'gzip' });
      expect(json.headers['content-encoding']).toBe('gzip');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
