/**
 * Both storage providers against the real thing: a temporary directory, and s3rver from scripts/infra.sh (a bucket of
 * this suite's own). Bytes are compared exactly (the 100 MB round trip by sha256). A client with the SDK's default
 * checksums corrupts streamed PutObject bodies on s3rver (the aws-chunked framing is stored, no error) and signs a
 * checksum of the empty body into presigned PUT URLs; the streamed put's Buffer parts are not affected by it, so the guard
 * below shows both effects directly and pins the client settings.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteBucketCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { loadConfig } from '@lms/kit/config';
import { createLogger } from '@lms/kit/logging';
import { createStorage, s3ClientConfig, storageEnv, type ObjectStorage } from '../src';

const MiB = 1024 * 1024;
const logger = createLogger('storage-test', 'silent');

const key = (ext = 'bin', folder = 'uploads') => `${folder}/${randomUUID()}.${ext}`;

function chunked(buffer: Buffer, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* chunks() {
      for (let at = 0; at < buffer.length; at += chunkSize) yield buffer.subarray(at, at + chunkSize);
    })(),
  );
}

async function readAll(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error('expected an object, got null');
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** `total` deterministic pseudo-random bytes in 64 KiB chunks, never all in memory; `sha256()` once consumed. */
function generated(total: number, seed = 1): Readable & { sha256(): string } {
  const hash = createHash('sha256');
  const block = createHash('sha512').update(`seed-${seed}`).digest();
  const stream = Readable.from(
    (function* produce() {
      let counter = 0;
      for (let sent = 0; sent < total; ) {
        const size = Math.min(64 * 1024, total - sent);
        const chunk = Buffer.allocUnsafe(size);
        for (let at = 0; at < size; at += block.length) {
          block.writeUInt32BE(counter++, 0);
          block.copy(chunk, at, 0, Math.min(block.length, size - at));
        }
        hash.update(chunk);
        sent += size;
        yield chunk;
      }
    })(),
  );
  return Object.assign(stream, { sha256: () => hash.digest('hex') });
}

/** A body that sends `bytes` and then waits (an uploader gone quiet), so the test can abort it mid-put. */
function stalled(bytes: number): Readable & { sent: Promise<void> } {
  let signalSent!: () => void;
  const sent = new Promise<void>((resolve) => (signalSent = resolve));
  const stream = new Readable({ read() {} });
  for (let at = 0; at < bytes; at += MiB) stream.push(randomBytes(Math.min(MiB, bytes - at)));
  // The storage has consumed everything pushed once the buffer is empty.
  const poll = setInterval(() => {
    if (stream.readableLength === 0) {
      clearInterval(poll);
      signalSent();
    }
  }, 5);
  stream.once('close', () => clearInterval(poll));
  return Object.assign(stream, { sent });
}

/** A body that fails after `bytes` with the caller's own error (as the inspector does on a renamed executable). */
function failing(bytes: number, error: Error): Readable {
  return Readable.from(
    (async function* produce() {
      for (let at = 0; at < bytes; at += MiB) yield randomBytes(Math.min(MiB, bytes - at));
      throw error;
    })(),
  );
}

function mbps(bytes: number, ms: number): string {
  return (bytes / MiB / (ms / 1000)).toFixed(1);
}

/** A service's storage settings as `storageEnv` parses them (the directory variable named as a service would). */
const loadStorageConfig = (source: Record<string, string | undefined>) =>
  loadConfig(storageEnv({ directoryVariable: 'STORAGE_DIR', directoryDefault: '.data/storage-test', bucketDefault: 'lms-storage-test' }), source);

interface Setup {
  config: ReturnType<typeof loadStorageConfig>;
  cleanup(): Promise<void>;
}

async function localSetup(): Promise<Setup> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lms-storage-'));
  return {
    config: loadStorageConfig({ ...process.env, STORAGE_PROVIDER: 'local', STORAGE_DIR: dir }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

async function s3Setup(): Promise<Setup> {
  if (!process.env.S3_ENDPOINT) throw new Error('S3_ENDPOINT is not set: eval "$(bash scripts/infra.sh env)" first');
  const bucket = `lms-storage-${randomBytes(4).toString('hex')}`;
  const config = loadStorageConfig({ ...process.env, STORAGE_PROVIDER: 's3', S3_BUCKET: bucket, S3_CREATE_BUCKET: 'true' });
  return {
    config,
    cleanup: async () => {
      const client = new S3Client(s3ClientConfig(config));
      try {
        for (;;) {
          const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
          const keys = (listed.Contents ?? []).map((object) => ({ Key: object.Key! }));
          if (keys.length === 0) break;
          await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
        }
        await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      } finally {
        client.destroy();
      }
    },
  };
}

describe.each([
  ['local', localSetup],
  ['s3', s3Setup],
] as const)('%s storage', (provider, setup) => {
  let env: Setup;
  let storage: ObjectStorage;

  beforeAll(async () => {
    env = await setup();
    storage = createStorage(env.config, env.config.STORAGE_DIR, logger);
    await storage.ready();
    await storage.ready(); // idempotent: a restart finds the bucket / directory in place
  });

  afterAll(async () => {
    storage?.close();
    await env?.cleanup();
  });

  it('is the provider the config names', () => {
    expect(storage.provider).toBe(provider);
  });

  it('stores and returns a few KB byte for byte, with its size', async () => {
    const bytes = randomBytes(7 * 1024 + 13);
    const k = key('png');
    await expect(storage.put(k, chunked(bytes, 1000), { contentType: 'image/png' })).resolves.toEqual({ size: bytes.length });
    expect(await readAll(await storage.get(k))).toEqual(bytes);
    expect(await storage.head(k)).toMatchObject({ size: bytes.length });
  });

  it('stores an empty body as an empty object', async () => {
    const k = key('pdf');
    await expect(storage.put(k, Readable.from([]), { contentType: 'application/pdf' })).resolves.toEqual({ size: 0 });
    expect(await storage.head(k)).toMatchObject({ size: 0 });
  });

  it('streams 100 MB in and out unchanged (sha256), with bounded memory', async () => {
    const total = 100 * MiB;
    const k = key('mp4');
    const body = generated(total);
    const t0 = performance.now();
    await expect(storage.put(k, body, { contentType: 'video/mp4' })).resolves.toEqual({ size: total });
    const putMs = performance.now() - t0;
    const sent = body.sha256();

    const t1 = performance.now();
    const hash = createHash('sha256');
    let received = 0;
    for await (const part of (await storage.get(k))!) {
      hash.update(part as Buffer);
      received += (part as Buffer).length;
    }
    const getMs = performance.now() - t1;
    console.log(`${provider} storage, 100 MiB: put ${mbps(total, putMs)} MB/s (${Math.round(putMs)} ms), get ${mbps(total, getMs)} MB/s (${Math.round(getMs)} ms)`);

    expect(received).toBe(total);
    expect(hash.digest('hex')).toBe(sent);
    await storage.delete(k);
  });

  it.each([
    ['one byte short of a part', 5 * MiB - 1],
    ['exactly one part', 5 * MiB],
    ['one part and one byte', 5 * MiB + 1],
    ['exactly two parts', 10 * MiB],
    ['three parts and a tail', 15 * MiB + 4321],
  ])('stores a body of %s byte for byte (chunks not aligned with the parts)', async (_label, total) => {
    const bytes = randomBytes(total);
    const k = key('mp4');
    await expect(storage.put(k, chunked(bytes, 100_003), { contentType: 'video/mp4' })).resolves.toEqual({ size: total });
    expect((await readAll(await storage.get(k))).equals(bytes)).toBe(true);
    await storage.delete(k);
  });

  it('stores a body sent in chunks larger than a part byte for byte', async () => {
    const bytes = randomBytes(23 * MiB + 7);
    const k = key('mp4');
    await expect(storage.put(k, chunked(bytes, 7 * MiB + 3), { contentType: 'video/mp4' })).resolves.toEqual({ size: bytes.length });
    expect((await readAll(await storage.get(k))).equals(bytes)).toBe(true);
    await storage.delete(k);
  });

  describe('ranged reads', () => {
    // Larger than one 5 MiB part: on S3 it is stored as a multipart object, and a range can cross the part boundary.
    const bytes = randomBytes(5 * MiB + 1000);
    const k = key('mp4');
    beforeAll(async () => {
      await storage.put(k, chunked(bytes), { contentType: 'video/mp4' });
    });

    it.each([
      ['the first byte', 0, 0],
      ['a middle slice', 1000, 99_999],
      ['the last byte', bytes.length - 1, bytes.length - 1],
      ['across the 5 MiB part boundary', 5 * MiB - 100, 5 * MiB + 99],
      ['the whole object as a range', 0, bytes.length - 1],
    ])('returns %s', async (_label, start, end) => {
      const got = await readAll(await storage.get(k, { start, end }));
      expect(got.length).toBe(end - start + 1);
      expect(got.equals(bytes.subarray(start, end + 1))).toBe(true);
    });
  });

  it('answers null for a missing object and deletes idempotently', async () => {
    const k = key('gif');
    expect(await storage.head(k)).toBeNull();
    expect(await storage.get(k)).toBeNull();
    expect(await storage.get(k, { start: 0, end: 9 })).toBeNull();
    await expect(storage.delete(k)).resolves.toBeUndefined();

    await storage.put(k, chunked(randomBytes(100)), { contentType: 'image/gif' });
    await storage.delete(k);
    await storage.delete(k);
    expect(await storage.head(k)).toBeNull();
  });

  it.each([
    ['before the first part is complete', 1 * MiB],
    ['after more than two parts were sent', 12 * MiB],
  ])('leaves nothing behind when the signal aborts a put %s', async (_label, bytes) => {
    const k = key('webm');
    const body = stalled(bytes);
    const controller = new AbortController();
    const put = storage.put(k, body, { contentType: 'video/webm', signal: controller.signal });
    await body.sent;
    const reason = new Error('the client cancelled the upload');
    controller.abort(reason);
    await expect(put).rejects.toBe(reason);
    expect(await storage.head(k)).toBeNull();
    expect(body.destroyed).toBe(true);
    if (provider === 'local') expect(await readdir(path.join(env.config.STORAGE_DIR, '.partial'))).toEqual([]);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const k = key('png');
    await expect(storage.put(k, chunked(randomBytes(10)), { contentType: 'image/png', signal: controller.signal })).rejects.toThrow('gone');
    expect(await storage.head(k)).toBeNull();
  });

  it.each([
    ['a small body', 100 * 1024],
    ['a body of several parts', 11 * MiB],
  ])("passes the body's own error through and stores nothing (%s)", async (_label, bytes) => {
    const k = key('mp4');
    const refusal = Object.assign(new Error('The file is not a video'), { code: 'MEDIA.CONTENT_MISMATCH' });
    await expect(storage.put(k, failing(bytes, refusal), { contentType: 'video/mp4' })).rejects.toBe(refusal);
    expect(await storage.head(k)).toBeNull();
  });

  if (provider === 'local') {
    it.each([
      '../outside/0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
      'uploads/../../outside/0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
      '/etc/0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
      'uploads/..%2F..%2F0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
      '.partial/0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
      'uploads/0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png/..',
      'uploads\\..\\0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
      '0b0f3c1e-7f1a-4c55-9d57-2f6a2b6c9f00.png',
    ])('refuses the key %s for every operation', async (bad) => {
      const refused = { code: 'STORAGE.INVALID_KEY' };
      await expect(storage.put(bad, chunked(randomBytes(10)), { contentType: 'image/png' })).rejects.toMatchObject(refused);
      await expect(storage.get(bad)).rejects.toMatchObject(refused);
      await expect(storage.head(bad)).rejects.toMatchObject(refused);
      await expect(storage.delete(bad)).rejects.toMatchObject(refused);
    });

    it('has no presigned URLs and no multipart uploads', async () => {
      const k = key('png');
      expect(await storage.presignGet(k, { expiresInSeconds: 60, contentType: 'image/png', contentDisposition: 'inline' })).toBeNull();
      expect(await storage.presignPut(k, { expiresInSeconds: 60, contentType: 'image/png' })).toBeNull();
      const wrong = { code: 'STORAGE.WRONG_PROVIDER', kind: 'failed_precondition' };
      await expect(storage.createMultipart(k, 'image/png')).rejects.toMatchObject(wrong);
      await expect(storage.presignPart(k, 'id', 1, 60)).rejects.toMatchObject(wrong);
      await expect(storage.completeMultipart(k, 'id', [])).rejects.toMatchObject(wrong);
      await expect(storage.abortMultipart(k, 'id')).rejects.toMatchObject(wrong);
    });
  }

  if (provider === 's3') {
    it('accepts a presigned PUT from plain fetch, keeping the Content-Type', async () => {
      const k = key('pdf');
      const bytes = randomBytes(20_000);
      const url = await storage.presignPut(k, { expiresInSeconds: 60, contentType: 'application/pdf' });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lms-storage-[0-9a-f]+\/uploads\/.*X-Amz-Signature=/);
      expect(url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i); // real S3 would enforce a checksum of the empty body
      const res = await fetch(url!, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'application/pdf' } });
      expect(res.status).toBe(200);
      expect(await readAll(await storage.get(k))).toEqual(bytes);
      expect(await storage.head(k)).toMatchObject({ size: bytes.length, etag: expect.any(String) });
    });

    it('signs a GET that overrides Content-Type and Content-Disposition', async () => {
      const k = key('pdf');
      const bytes = randomBytes(3000);
      await storage.put(k, chunked(bytes), { contentType: 'application/octet-stream' });
      const disposition = `attachment; filename="R sum .pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`;
      const url = await storage.presignGet(k, { expiresInSeconds: 60, contentType: 'application/pdf', contentDisposition: disposition });
      const res = await fetch(url!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(disposition);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    });

    it('assembles a multipart upload sent to presigned part URLs', async () => {
      const k = key('mp4');
      const first = randomBytes(5 * MiB);
      const second = randomBytes(123_457);
      const uploadId = await storage.createMultipart(k, 'video/mp4');
      const parts: { partNumber: number; etag: string }[] = [];
      // Sent in reverse order: the parts are put together by number, not by arrival.
      for (const [partNumber, body] of [
        [2, second],
        [1, first],
      ] as const) {
        const url = await storage.presignPart(k, uploadId, partNumber, 60);
        const res = await fetch(url, { method: 'PUT', body });
        expect(res.status).toBe(200);
        parts.push({ partNumber, etag: res.headers.get('etag')! });
      }
      await storage.completeMultipart(k, uploadId, parts);
      const stored = await readAll(await storage.get(k));
      expect(stored.length).toBe(first.length + second.length);
      expect(stored.equals(Buffer.concat([first, second]))).toBe(true);
      const head = await storage.head(k);
      expect(head?.size).toBe(stored.length);
      expect(head?.etag).toEqual(expect.any(String));
    });

    it("reports 'unsupported' when the server refuses AbortMultipartUpload (s3rver: 405)", async () => {
      const k = key('mp4');
      const uploadId = await storage.createMultipart(k, 'video/mp4');
      await expect(storage.abortMultipart(k, uploadId)).resolves.toBe('unsupported');
      expect(await storage.head(k)).toBeNull();
    });

    it('is STORAGE.UNAVAILABLE when the server cannot be reached', async () => {
      const port = await closedPort();
      const down = createStorage({ ...env.config, S3_ENDPOINT: `http://127.0.0.1:${port}` }, env.config.STORAGE_DIR, logger);
      try {
        const unavailable = { code: 'STORAGE.UNAVAILABLE', kind: 'unavailable' };
        await expect(down.head(key())).rejects.toMatchObject(unavailable);
        await expect(down.put(key(), chunked(randomBytes(100)), { contentType: 'image/png' })).rejects.toMatchObject(unavailable);
        await expect(down.ready()).rejects.toMatchObject(unavailable);
      } finally {
        down.close();
      }
    });

    it('refuses to start on a missing bucket unless told to create it', async () => {
      const missing = createStorage({ ...env.config, S3_BUCKET: `lms-missing-${randomBytes(4).toString('hex')}`, S3_CREATE_BUCKET: false }, env.config.STORAGE_DIR, logger);
      try {
        await expect(missing.ready()).rejects.toMatchObject({ code: 'STORAGE.UNAVAILABLE' });
      } finally {
        missing.close();
      }
    });

    it('guard: a client with the SDK default checksums stores a streamed body CORRUPTED on s3rver (why WHEN_REQUIRED)', async () => {
      const { requestChecksumCalculation: _r, responseChecksumValidation: _v, ...defaults } = s3ClientConfig(env.config);
      const naive = new S3Client(defaults);
      try {
        const k = key('bin');
        const bytes = randomBytes(4442);
        await naive.send(new PutObjectCommand({ Bucket: env.config.S3_BUCKET, Key: k, Body: chunked(bytes, 1000), ContentLength: bytes.length }));
        const stored = await readAll((await naive.send(new GetObjectCommand({ Bucket: env.config.S3_BUCKET, Key: k }))).Body as Readable);
        // The aws-chunked framing (`3e8\r\n…` per chunk + a CRC32 trailer) is saved inside the object: no error, wrong bytes.
        expect(stored.equals(bytes)).toBe(false);
        expect(stored.length).toBeGreaterThan(bytes.length);
        expect(stored.subarray(0, 5).toString('latin1')).toBe('3e8\r\n');
        expect(stored.toString('latin1')).toContain('x-amz-checksum-crc32:');
        await storage.delete(k);

        // …and presigned PUT URLs pin a CRC32 of the EMPTY body, which real S3 enforces against the uploaded bytes.
        const presigned = await getSignedUrl(naive, new PutObjectCommand({ Bucket: env.config.S3_BUCKET, Key: k, ContentType: 'video/mp4' }));
        expect(presigned).toMatch(/x-amz-checksum-crc32=|x-amz-sdk-checksum-algorithm=/i);

        expect(s3ClientConfig(env.config)).toMatchObject({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
      } finally {
        naive.destroy();
      }
    });
  }
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
