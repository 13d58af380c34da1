import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { parse as parseDisposition } from 'content-disposition';
import { AppError } from '@lms/kit';
import type { DirectUpload__Output as DirectUploadMessage } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { DownloadRequest } from '@lms/kit/generated/lms/media/v1/DownloadRequest';
import type { DownloadResponse__Output as DownloadPart } from '@lms/kit/generated/lms/media/v1/DownloadResponse';
import type { File__Output as FileMessage } from '@lms/kit/generated/lms/media/v1/File';
import type { ListMyFilesRequest } from '@lms/kit/generated/lms/media/v1/ListMyFilesRequest';
import type { UploadRequest } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import type { UploadStart } from '@lms/kit/generated/lms/media/v1/UploadStart';
import { UPLOAD_CHUNK_BYTES, type MediaFiles } from '../src/routes/files.routes';
import { startAuth, registerAndLogin, type LoggedIn, type TestAuth } from './support/auth';
import { startScriptedGateway } from './support/gateway';
import { Api, expectErrorBody } from './support/http';
import { multipart, multipartChunks, sendStreaming, zeros } from './files-support';

/**
 * What the gateway does with the bytes, with a scripted media client in place of the service (the real one is
 * exercised by files.test.ts): multipart parsing and its refusals, the messages an upload becomes, an early
 * refusal answered without reading the rest of a 100 MB body, and downloads (headers, ranges, validators,
 * redirects, a client going away) — plus the hourly upload limit, which this suite sets small.
 */
describe('Files through the gateway (scripted media)', () => {
  const UPLOAD_LIMIT = 4;
  let auth: TestAuth;
  let gateway: Awaited<ReturnType<typeof startScriptedGateway>>;
  let base: string;
  let api: Api;
  let user: LoggedIn;

  interface SeenUpload {
    start: UploadStart;
    chunkSizes: number[];
    bytes: number;
    /** The `end` message's count, once it came (sent only for a body that ended normally). */
    end?: number;
    failure?: unknown;
  }
  const uploads: SeenUpload[] = [];
  /** How the scripted Upload answers: after pulling what it wants through `next()`. */
  type UploadScript = (seen: SeenUpload, next: () => Promise<Buffer | undefined>) => Promise<FileMessage>;
  let uploadScript: UploadScript;
  const downloads: DownloadRequest[] = [];
  let downloadScript: (request: DownloadRequest) => AsyncGenerator<DownloadPart>;
  let cancelled = 0;
  const lists: ListMyFilesRequest[] = [];
  const contentPuts: { bytes: number; end?: number }[] = [];

  const FILE_ID = randomUUID();
  const fileMessage = (over: Partial<FileMessage> = {}): FileMessage => ({
    id: FILE_ID,
    filename: `${FILE_ID}.png`,
    original_filename: 'cat.png',
    file_url: `http://localhost:8080/api/v1/files/download/${FILE_ID}`,
    file_type: 'image',
    mime_type: 'image/png',
    file_size: '1234',
    file_size_mb: 0,
    storage_provider: 'local',
    duration_seconds: 0,
    thumbnail_url: '',
    uploaded_at: '2026-12-04T10:00:00.000Z',
    is_public: false,
    folder: 'uploads',
    uploaded_by: user.userId,
    download_count: '3',
    sha256: 'ab'.repeat(32),
    ...over,
  });

  const drainAll: UploadScript = async (seen, next) => {
    while ((await next()) !== undefined);
    return fileMessage({ file_size: String(seen.bytes), folder: seen.start.folder || 'uploads', is_public: seen.start.is_public ?? false });
  };

  async function scriptedUpload(messages: AsyncIterable<UploadRequest>): Promise<FileMessage> {
    const it = messages[Symbol.asyncIterator]();
    const first = await it.next();
    const seen: SeenUpload = { start: first.value.start, chunkSizes: [], bytes: 0 };
    uploads.push(seen);
    const next = async () => {
      const n = await it.next();
      if (n.done) return undefined;
      if (n.value.end) {
        seen.end = Number(n.value.end.total_bytes);
        return undefined;
      }
      seen.chunkSizes.push(n.value.chunk!.length);
      seen.bytes += n.value.chunk!.length;
      return n.value.chunk as Buffer;
    };
    try {
      return await uploadScript(seen, next);
    } catch (err) {
      seen.failure = err;
      // As the kit client does when the server answers early: stop pulling.
      await it.return?.(undefined);
      throw err;
    }
  }

  const directUpload = (): DirectUploadMessage => ({
    id: randomUUID(),
    status: 'pending',
    method: 'PUT',
    parts: [{ part_number: 1, url: 'http://127.0.0.1/x', size: '10' }],
    headers: { 'Content-Type': 'image/png' },
    expires_at: '2026-12-04T11:00:00.000Z',
    filename: 'a.png',
    size: '10',
    file_id: '',
    failure: '',
    created_at: '2026-12-04T10:00:00.000Z',
    received_bytes: '0',
  });

  const media = {
    Upload: scriptedUpload,
    PutDirectUploadContent: async (messages: AsyncIterable<UploadRequest>) => {
      const seen = { bytes: 0, end: undefined as number | undefined };
      contentPuts.push(seen);
      for await (const message of messages) {
        seen.bytes += message.chunk?.length ?? 0;
        if (message.end) seen.end = Number(message.end.total_bytes);
      }
      return directUpload();
    },
    Download: (request: DownloadRequest) => {
      downloads.push(request);
      const parts = downloadScript(request);
      // Count cancellations: the route calls return() when it stops early.
      const ret = parts.return.bind(parts);
      parts.return = (value) => {
        cancelled += 1;
        return ret(value);
      };
      return parts;
    },
    GetFile: async () => fileMessage({ uploaded_by: '', download_count: '0' }),
    ListMyFiles: async (request: ListMyFilesRequest) => {
      lists.push(request);
      return { files: [fileMessage()], total: 1, page: 1, page_size: request.page_size ?? 20, total_pages: 1 };
    },
    DeleteFile: async () => ({}),
    CreateDirectUpload: async () => directUpload(),
    CompleteDirectUpload: async () => fileMessage(),
    GetDirectUpload: async () => directUpload(),
    AbortDirectUpload: async () => directUpload(),
  } as unknown as MediaFiles;

  beforeAll(async () => {
    auth = await startAuth('files_gw');
    gateway = await startScriptedGateway(auth.address, 'files_gw', { media }, { RATE_LIMIT_UPLOADS_PER_HOUR: String(UPLOAD_LIMIT) });
    base = gateway.base;
    api = gateway.api;
    user = await registerAndLogin(api, 'uploader');
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await auth?.stop();
  });

  beforeEach(() => {
    uploads.length = 0;
    downloads.length = 0;
    lists.length = 0;
    cancelled = 0;
    uploadScript = drainAll;
  });

  /** A fresh user per upload test: the hourly limit (small in this suite) is per user. */
  const uploader = () => registerAndLogin(api, 'up');

  const form = (fields: [string, string][], file?: { name: string; bytes: Buffer; type?: string; field?: string }) => {
    const body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
    if (file) body.append(file.field ?? 'file', new Blob([file.bytes], { type: file.type ?? 'image/png' }), file.name);
    return body;
  };
  const postForm = async (path: string, body: FormData, token: string) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', body, headers: { Authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  };

  test('When a file is uploaded, then media gets start (query and form options) and ≤ 64 KiB chunks, and the answer is the public file', async () => {
    const me = await uploader();
    const bytes = Buffer.alloc(200_000, 7);
    const res = await postForm('/api/v1/files/upload?folder=from-query&is_public=false', form([['is_public', 'true']], { name: 'cat.png', bytes }), me.access);
    expect(res.status).toBe(201);
    expect(uploads).toHaveLength(1);
    const [seen] = uploads;
    expect(seen.start).toMatchObject({ original_filename: 'cat.png', declared_mime_type: 'image/png', folder: 'from-query', is_public: true });
    expect(Number(seen.start.expected_size)).toBeGreaterThanOrEqual(bytes.length);
    expect(Number(seen.start.expected_size)).toBeLessThan(bytes.length + 400);
    expect(seen.start.expected_size_is_bound).toBe(true);
    expect(seen.bytes).toBe(bytes.length);
    expect(seen.end).toBe(bytes.length);
    expect(Math.max(...seen.chunkSizes)).toBeLessThanOrEqual(UPLOAD_CHUNK_BYTES);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'id', 'filename', 'original_filename', 'file_url', 'file_type', 'mime_type', 'file_size', 'file_size_mb', 'storage_provider',
        'duration_seconds', 'thumbnail_url', 'uploaded_at', 'is_public', 'folder', 'uploaded_by', 'download_count',
      ].sort(),
    );
    expect(res.body).toMatchObject({ file_size: bytes.length, duration_seconds: null, thumbnail_url: null, is_public: true, download_count: 3 });
    // The body was read to its end: the connection may be reused.
    expect(res.headers.get('connection')).not.toBe('close');
  });

  test('When media refuses at the start (too large), then 413 arrives with Connection: close and the 100 MB body is not read', async () => {
    const me = await uploader();
    uploadScript = async (seen) => {
      throw new AppError('invalid_argument', 'File too large. Maximum size: 100MB', { code: 'MEDIA.FILE_TOO_LARGE' });
    };
    const total = 101 * 1024 * 1024;
    const parts = multipart([], { name: 'big.mp4', type: 'video/mp4' });
    const sent = await sendStreaming(`${base}/api/v1/files/upload`, {
      headers: {
        Authorization: `Bearer ${me.access}`,
        'Content-Type': `multipart/form-data; boundary=${parts.boundary}`,
        'Content-Length': String(parts.head.length + total + parts.tail.length),
      },
      chunks: multipartChunks(parts, zeros(total)),
    });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.text)).toMatchObject({ code: 'MEDIA.FILE_TOO_LARGE', detail: 'File too large. Maximum size: 100MB' });
    expect(sent.headers.connection).toBe('close');
    expect(sent.bytesWritten).toBeLessThan(16 * 1024 * 1024);
    expect(uploads[0].bytes).toBe(0);
  });

  test('When media refuses after the first bytes (content mismatch), then 415 arrives at once and the rest is not read', async () => {
    const me = await uploader();
    uploadScript = async (seen, next) => {
      await next();
      throw new AppError('invalid_argument', "The file's content is a Windows executable, but its name says .png", { code: 'MEDIA.CONTENT_MISMATCH' });
    };
    const total = 100 * 1024 * 1024;
    const parts = multipart([], { name: 'evil.png', type: 'image/png' });
    const sent = await sendStreaming(`${base}/api/v1/files/upload`, {
      headers: {
        Authorization: `Bearer ${me.access}`,
        'Content-Type': `multipart/form-data; boundary=${parts.boundary}`,
        'Content-Length': String(parts.head.length + total + parts.tail.length),
      },
      chunks: multipartChunks(parts, zeros(total)),
    });
    expect(sent.status).toBe(415);
    expect(JSON.parse(sent.text).code).toBe('MEDIA.CONTENT_MISMATCH');
    expect(sent.headers.connection).toBe('close');
    expect(sent.bytesWritten).toBeLessThan(16 * 1024 * 1024);
  });

  test('When a file of exactly the maximum size is uploaded, then its size goes as a bound with the framing (media reads it once; no second attempt)', async () => {
    // Media's rule for a bound (media suite): refused early only beyond the limit + 64 KiB of envelope, the exact limit while reading.
    const MAX = 200_000;
    const ENVELOPE = 64 * 1024;
    let received = Buffer.alloc(0);
    const tooLarge = () => new AppError('invalid_argument', 'File too large. Maximum size: 0.19MB', { code: 'MEDIA.FILE_TOO_LARGE', meta: { max_bytes: MAX } });
    uploadScript = async (seen, next) => {
      expect(seen.start.expected_size_is_bound).toBe(true);
      if (Number(seen.start.expected_size) > MAX + ENVELOPE) throw tooLarge();
      const chunks: Buffer[] = [];
      for (let c = await next(); c !== undefined; c = await next()) {
        chunks.push(c);
        if (Buffer.concat(chunks).length > MAX) throw tooLarge();
      }
      received = Buffer.concat(chunks);
      return fileMessage({ file_size: String(received.length) });
    };
    const bytes = Buffer.from(Array.from({ length: MAX }, (_, i) => (i * 7) % 256));
    const me = await uploader();
    const exact = await postForm('/api/v1/files/upload', form([], { name: 'exact.png', bytes }), me.access);
    expect(exact.status).toBe(201);
    expect(uploads).toHaveLength(1);
    expect(Number(uploads[0].start.expected_size)).toBeGreaterThan(MAX);
    expect(received.equals(bytes)).toBe(true);
    expect(uploads[0].end).toBe(MAX);

    uploads.length = 0;
    const over = await postForm('/api/v1/files/upload', form([], { name: 'over.png', bytes: Buffer.concat([bytes, Buffer.alloc(1)]) }), me.access);
    expect(over.status).toBe(413);
    expect(uploads).toHaveLength(1);
    expect(uploads[0].end).toBeUndefined();

    uploads.length = 0;
    const far = await postForm('/api/v1/files/upload', form([], { name: 'far.png', bytes: Buffer.alloc(MAX + ENVELOPE + 10_000) }), me.access);
    expect(far.status).toBe(413);
    expect(uploads).toHaveLength(1);
    expect(uploads[0].bytes).toBe(0);
  });

  test('When the client is refused before the handler (no token), then 401 with Connection: close and the body is not read', async () => {
    const total = 100 * 1024 * 1024;
    const parts = multipart([], { name: 'big.mp4' });
    const sent = await sendStreaming(`${base}/api/v1/files/upload`, {
      headers: { 'Content-Type': `multipart/form-data; boundary=${parts.boundary}`, 'Content-Length': String(parts.head.length + total + parts.tail.length) },
      chunks: multipartChunks(parts, zeros(total)),
    });
    expect(sent.status).toBe(401);
    expect(sent.headers.connection).toBe('close');
    expect(sent.bytesWritten).toBeLessThan(16 * 1024 * 1024);
  });

  test('When the client goes away mid-upload, then the upload stream fails (media is not left waiting)', async () => {
    const me = await uploader();
    const parts = multipart([], { name: 'cut.png' });
    const req = http.request(`${base}/api/v1/files/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${me.access}`, 'Content-Type': `multipart/form-data; boundary=${parts.boundary}`, 'Content-Length': String(10 * 1024 * 1024) },
    });
    req.on('error', () => undefined);
    req.write(parts.head);
    req.write(Buffer.alloc(256 * 1024));
    for (let i = 0; i < 100 && uploads.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(uploads).toHaveLength(1);
    req.destroy();
    for (let i = 0; i < 100 && uploads[0].failure === undefined; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(uploads[0].failure).toBeDefined();
    expect(uploads[0].end).toBeUndefined(); // media keeps nothing without it
  });

  test('When the multipart body is malformed, then 400 in the standard error body, no `end` reaches media, and the gateway serves the next request', async () => {
    const me = await uploader();
    const boundary = 'r1malformed';
    const send = async (body: Buffer, contentLength = body.length) => {
      const sent = await sendStreaming(`${base}/api/v1/files/upload`, {
        headers: { Authorization: `Bearer ${me.access}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(contentLength) },
        chunks: [body],
      });
      return { ...sent, body: JSON.parse(sent.text) };
    };
    const file = Buffer.alloc(100_000, 3);
    const cases: [string, Buffer][] = [
      // A part header line without a colon (what crashed dicer 0.3: CVE-2022-24434).
      ['header without colon', Buffer.from(`--${boundary}\r\nContent-Disposition form-data; name="file"; filename="a.png"\r\n\r\nxx\r\n--${boundary}--\r\n`)],
      // A header over busboy's 16 KiB header limit.
      ['huge header', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${'a'.repeat(40_000)}.png"\r\n\r\nxx\r\n--${boundary}--\r\n`)],
      // The file part's boundary never comes: the body ends inside the file.
      ['boundary never closed', Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), file])],
      // The file ends but the form does not (no closing delimiter).
      ['form never closed', Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}\r\n`)])],
    ];
    for (const [what, body] of cases) {
      uploads.length = 0;
      const sent = await send(body);
      expect([what, sent.status]).toEqual([what, 400]);
      expect(sent.body).toMatchObject({ code: 'BAD_REQUEST' });
      for (const seen of uploads) expect([what, seen.end]).toEqual([what, undefined]);
      // Still serving.
      const res = await postForm('/api/v1/files/upload', form([], { name: 'ok.png', bytes: Buffer.alloc(1000, 1) }), (await uploader()).access);
      expect([what, res.status]).toEqual([what, 201]);
    }
  });

  test('When the form is wrong, then 422 names the field (and a second file cancels the upload in flight)', async () => {
    // A new user now and then: refused uploads count towards the (small) hourly limit too.
    let me = await uploader();
    const png = Buffer.alloc(1000, 1);
    const noFile = await postForm('/api/v1/files/upload', form([['folder', 'x']]), me.access);
    expect(expectErrorBody(noFile, 422).errors).toEqual([{ loc: ['body', 'file'], msg: 'Field required' }]);

    const two = form([], { name: 'a.png', bytes: png });
    two.append('file', new Blob([png]), 'b.png');
    const second = await postForm('/api/v1/files/upload', two, me.access);
    expect(expectErrorBody(second, 422).errors).toEqual([{ loc: ['body', 'file'], msg: 'Send one file per upload' }]);
    expect(uploads.at(-1)?.failure).toBeDefined();

    me = await uploader();
    const late = form([], { name: 'a.png', bytes: png });
    late.append('folder', 'late');
    expect(expectErrorBody(await postForm('/api/v1/files/upload', late, me.access), 422).errors[0].loc).toEqual(['body', 'folder']);

    const unknown = await postForm('/api/v1/files/upload', form([['colour', 'red']], { name: 'a.png', bytes: png }), me.access);
    expect(expectErrorBody(unknown, 422).errors).toEqual([{ loc: ['body', 'colour'], msg: 'Unknown field' }]);

    me = await uploader();
    const long = await postForm('/api/v1/files/upload', form([['folder', 'x'.repeat(2000)]], { name: 'a.png', bytes: png }), me.access);
    expect(expectErrorBody(long, 422).errors[0].loc).toEqual(['body', 'folder']);

    const otherField = await postForm('/api/v1/files/upload', form([], { name: 'a.png', bytes: png, field: 'upload' }), me.access);
    expect(expectErrorBody(otherField, 422).errors[0].loc).toEqual(['body', 'upload']);

    const json = await api.post('/api/v1/files/upload', { file: 'x' }, { token: me.access });
    expectErrorBody(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('When more uploads than the hourly limit are made, then 429 with Retry-After (direct uploads count too)', async () => {
    const me = await uploader();
    const png = Buffer.alloc(100, 1);
    for (let i = 0; i < UPLOAD_LIMIT - 1; i += 1) expect((await postForm('/api/v1/files/upload', form([], { name: 'a.png', bytes: png }), me.access)).status).toBe(201);
    const direct = await api.post('/api/v1/files/direct-uploads', { filename: 'a.png', size: 10 }, { token: me.access });
    expect(direct.status).toBe(201);
    const refused = await postForm('/api/v1/files/upload', form([], { name: 'a.png', bytes: png }), me.access);
    expectErrorBody(refused, 429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectErrorBody(await api.post('/api/v1/files/direct-uploads', { filename: 'a.png', size: 10 }, { token: me.access }), 429);
    // Another user is not affected.
    const other = await uploader();
    expect((await postForm('/api/v1/files/upload', form([], { name: 'a.png', bytes: png }), other.access)).status).toBe(201);
  });

  test("When my files are listed with the seed's skip/limit, then media is asked for an offset; page/page_size otherwise", async () => {
    expect((await api.get('/api/v1/files/my-files?skip=40&limit=10&file_type=image', { token: user.access })).status).toBe(200);
    const res = await api.get('/api/v1/files/my-files?page=2&page_size=5', { token: user.access });
    expect(res.body).toMatchObject({ total: 1, page: 1, total_pages: 1 });
    expect(res.body.files[0]).toMatchObject({ id: FILE_ID, uploaded_by: user.userId, duration_seconds: null });
    expect(lists).toEqual([
      { file_type: 'image', page: 1, page_size: 10, use_offset: true, offset: 40 },
      { file_type: '', page: 2, page_size: 5, use_offset: false, offset: 0 },
    ]);
    expectErrorBody(await api.get('/api/v1/files/my-files?file_type=audio', { token: user.access }), 422);
  });

  test('When another user reads a file, then uploaded_by and download_count are absent', async () => {
    const res = await api.get(`/api/v1/files/${FILE_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('uploaded_by');
    expect(res.body).not.toHaveProperty('download_count');
    expect(res.body).not.toHaveProperty('sha256');
  });

  const ARABIC = 'تقرير الدورة.pdf';
  const head = (over: Record<string, unknown> = {}): DownloadPart => ({
    part: 'head',
    head: {
      file: fileMessage({ original_filename: ARABIC, mime_type: 'application/pdf', is_public: false }),
      total_size: '1000',
      partial: false,
      range_start: '0',
      range_end: '999',
      content_length: '1000',
      etag: `"${FILE_ID}"`,
      not_modified: false,
      ...over,
    },
  });
  const bytesOf = (n: number, from = 0) => Buffer.from(Array.from({ length: n }, (_, i) => (from + i) % 251));

  test('When a file is downloaded, then its bytes come with the type, length, ETag, RFC 5987 name and the safety headers', async () => {
    downloadScript = async function* () {
      yield head();
      yield { part: 'chunk', chunk: bytesOf(600) };
      yield { part: 'chunk', chunk: bytesOf(400, 600) };
    };
    const res = await fetch(`${base}/api/v1/files/download/${FILE_ID}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytesOf(1000))).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${FILE_ID}"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate, no-transform');
    const disposition = parseDisposition(res.headers.get('content-disposition')!);
    expect(disposition.type).toBe('attachment');
    expect(disposition.parameters.filename).toBe(ARABIC);
    expect(downloads[0]).toEqual({ file_id: FILE_ID, inline: false, has_range: false, range_start: 0, range_end: -1, suffix_length: 0, head_only: false, if_none_match: '', if_range: '' });

    const inline = await fetch(`${base}/api/v1/files/download/${FILE_ID}?inline=true`);
    await inline.arrayBuffer();
    expect(parseDisposition(inline.headers.get('content-disposition')!).type).toBe('inline');
  });

  test('When a range is asked, then media gets it and the answer is 206 with Content-Range; media decides If-Range (another tag: the whole file, one call)', async () => {
    downloadScript = async function* (request) {
      if (request.has_range && (request.if_range === '' || request.if_range === `"${FILE_ID}"`)) {
        yield head({ partial: true, range_start: '100', range_end: '199', content_length: '100' });
        yield { part: 'chunk', chunk: bytesOf(100, 100) };
      } else {
        yield head();
        yield { part: 'chunk', chunk: bytesOf(1000) };
      }
    };
    const partial = await fetch(`${base}/api/v1/files/download/${FILE_ID}`, { headers: { Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await partial.arrayBuffer()).equals(bytesOf(100, 100))).toBe(true);
    expect(downloads[0]).toMatchObject({ has_range: true, range_start: 100, range_end: 199 });

    const stale = await fetch(`${base}/api/v1/files/download/${FILE_ID}`, { headers: { Range: 'bytes=100-199', 'If-Range': '"another"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-range')).toBeNull();
    expect((await stale.arrayBuffer()).byteLength).toBe(1000);
    expect(downloads.slice(1)).toEqual([expect.objectContaining({ has_range: true, if_range: '"another"' })]);

    const fresh = await fetch(`${base}/api/v1/files/download/${FILE_ID}`, { headers: { Range: 'bytes=100-199', 'If-Range': `"${FILE_ID}"` } });
    expect(fresh.status).toBe(206);
    await fresh.arrayBuffer();
  });

  test('When the client holds the current version, then media is asked with its validators and a not_modified head is 304 without a body', async () => {
    downloadScript = async function* (request) {
      if (request.if_none_match) {
        yield head({ not_modified: true });
        return;
      }
      yield head();
      yield { part: 'chunk', chunk: bytesOf(1000) };
    };
    const res = await fetch(`${base}/api/v1/files/download/${FILE_ID}`, { headers: { 'If-None-Match': `W/"x", "${FILE_ID}"` } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(`"${FILE_ID}"`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate, no-transform');
    expect(res.headers.get('content-length')).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(downloads[0]).toMatchObject({ if_none_match: `W/"x", "${FILE_ID}"`, head_only: false });
  });

  test('When HEAD is asked, then media is asked for the head only and the headers equal a GET\'s, without the bytes', async () => {
    downloadScript = async function* (request) {
      yield head();
      if (!request.head_only) yield { part: 'chunk', chunk: bytesOf(1000) };
    };
    const got = await fetch(`${base}/api/v1/files/download/${FILE_ID}`);
    await got.arrayBuffer();
    const res = await fetch(`${base}/api/v1/files/download/${FILE_ID}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    for (const name of ['content-length', 'content-type', 'etag', 'accept-ranges', 'content-disposition', 'cache-control', 'x-content-type-options', 'content-security-policy']) {
      expect([name, res.headers.get(name)]).toEqual([name, got.headers.get(name)]);
    }
    expect(downloads.map((d) => d.head_only)).toEqual([false, true]);
  });

  test('When the range is beyond the file, then 416 with Content-Range: bytes */size in the standard error body', async () => {
    // eslint-disable-next-line require-yield
    downloadScript = async function* () {
      throw new AppError('invalid_argument', 'Range not satisfiable', { code: 'MEDIA.RANGE_NOT_SATISFIABLE', meta: { total_size: 1000 } });
    };
    const res = await api.get(`/api/v1/files/download/${FILE_ID}`, { headers: { Range: 'bytes=5000-' } });
    expectErrorBody(res, 416, 'MEDIA.RANGE_NOT_SATISFIABLE');
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  test('When media answers a presigned URL, then 302 to it with no-store', async () => {
    downloadScript = async function* () {
      yield { part: 'redirect_url', redirect_url: 'http://127.0.0.1:1/bucket/key?X-Amz-Signature=abc' };
    };
    const res = await fetch(`${base}/api/v1/files/download/${FILE_ID}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:1/bucket/key?X-Amz-Signature=abc');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('When the client goes away mid-download, then the stream is cancelled (no more chunks are pulled)', async () => {
    let pulled = 0;
    downloadScript = async function* () {
      yield head({ total_size: String(1 << 30), content_length: String(1 << 30), range_end: String((1 << 30) - 1) });
      for (;;) {
        pulled += 1;
        yield { part: 'chunk', chunk: Buffer.alloc(64 * 1024) };
      }
    };
    await new Promise<void>((resolve) => {
      const req = http.get(`${base}/api/v1/files/download/${FILE_ID}`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
    });
    for (let i = 0; i < 50 && cancelled === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(cancelled).toBe(1);
    const after = pulled;
    await new Promise((r) => setTimeout(r, 100));
    expect(pulled).toBe(after);
    expect(pulled).toBeLessThan(1000); // back-pressure: far fewer than the 16 384 chunks of the file
  });

  test('When the direct-upload content is PUT, then its body streams to media without a token', async () => {
    const res = await fetch(`${base}/api/v1/files/direct-uploads/${randomUUID()}/content?expires=1&signature=${'a'.repeat(64)}`, {
      method: 'PUT',
      body: Buffer.alloc(10),
      headers: { 'Content-Type': 'image/png' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'pending', size: 10, received_bytes: 0, file_id: null, failure: null });
    expect(contentPuts.at(-1)).toEqual({ bytes: 10, end: 10 });
  });

  test('When a direct-upload PUT body is cut off, then media gets no `end` (it keeps nothing)', async () => {
    contentPuts.length = 0;
    const req = http.request(`${base}/api/v1/files/direct-uploads/${randomUUID()}/content?expires=1&signature=${'a'.repeat(64)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png', 'Content-Length': String(1024 * 1024) },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(200 * 1024));
    for (let i = 0; i < 100 && contentPuts.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    req.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect(contentPuts).toHaveLength(1);
    expect(contentPuts[0].end).toBeUndefined();
  });
});
