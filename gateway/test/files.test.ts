import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parse as parseDisposition } from 'content-disposition';
import type { TestUser } from '@lms/kit/testing';
import type { Fleet } from '@lms/testing-fleet';
import { bigMp4Chunks, exe, mp4, pdf, png, sha256Of } from '../../services/media/test/fixtures/files';
import type { TestGateway } from './support/gateway';
import { assertRealNulls, expectErrorBody } from './support/http';
import { multipart, multipartChunks, sendStreaming, startFilesGateway, zeros } from './files-support';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}


/**
 * The file routes against the real media service on local storage (the S3 provider: files-s3.test.ts): the
 * public shape, paging, the access matrix, downloads with ranges and validators, refusals (renamed
 * executable, oversize answered without reading the body), delete, a direct upload through the signed
 * content URL, and one 100 MB round trip compared by SHA-256.
 */
describe('Files through the gateway (media on local storage)', () => {
  let fleet: Fleet<'student' | 'otherStudent'>;
  let gateway: TestGateway;
  let base: string;

  const bearer = (user: TestUser) => user.auth.authorization;
  const SEED_FIELDS = [
    'id', 'filename', 'original_filename', 'file_url', 'file_type', 'mime_type', 'file_size', 'file_size_mb', 'storage_provider',
    'duration_seconds', 'thumbnail_url', 'uploaded_at',
  ];

  beforeAll(async () => {
    ({ fleet, gateway } = await startFilesGateway('gw_files', { STORAGE_PROVIDER: 'local' }));
    base = gateway.base;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await fleet?.close();
  });

  async function upload(user: TestUser | undefined, name: string, bytes: Buffer, opts: { query?: string; fields?: [string, string][]; type?: string } = {}) {
    const body = new FormData();
    for (const [k, v] of opts.fields ?? []) body.append(k, v);
    body.append('file', new Blob([bytes], { type: opts.type ?? 'application/octet-stream' }), name);
    const res = await fetch(`${base}/api/v1/files/upload${opts.query ?? ''}`, { method: 'POST', body, headers: user ? { Authorization: bearer(user) } : {} });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  }

  async function get(path: string, user?: TestUser, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, { headers: { ...(user ? { Authorization: bearer(user) } : {}), ...headers } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  }

  const api = async (method: string, path: string, user?: TestUser, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(user ? { Authorization: bearer(user) } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  };

  test('When uploads follow each other on one keep-alive connection with the body sent after the headers, then each is made as its caller', async () => {
    // The multipart parser's events come from the socket, not from the request's handler: unless they are bound
    // to the request's context, the call to media carries the token of no one (401) or of an earlier request.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (user: TestUser, name: string) =>
      new Promise<{ status: number; body: { original_filename?: string } }>((resolve, reject) => {
        const { boundary, head, tail } = multipart([], { name, type: 'image/png' });
        const body = Buffer.concat([head, png(), tail]);
        const req = http.request(`${base}/api/v1/files/upload`, {
          method: 'POST',
          agent,
          headers: { Authorization: bearer(user), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(body.length) },
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        });
        req.on('error', reject);
        req.flushHeaders();
        setTimeout(() => req.end(body), 50);
      });
    try {
      for (const [i, user] of [fleet.users.student, fleet.users.otherStudent, fleet.users.student].entries()) {
        const sent = await send(user, `keepalive-${i}.png`);
        expect(sent).toMatchObject({ status: 201, body: { original_filename: `keepalive-${i}.png` } });
        const mine = await get('/api/v1/files/my-files?page_size=100', user);
        expect(mine.json().files.map((f: { original_filename: string }) => f.original_filename)).toContain(`keepalive-${i}.png`);
      }
    } finally {
      agent.destroy();
    }
  });

  test('When a PNG is uploaded, then 201 has the seed fields (+ is_public, folder, the uploader-only fields) with nulls, and downloads byte for byte', async () => {
    const bytes = png({ width: 3, height: 2 });
    const res = await upload(fleet.users.student, 'cat.png', bytes, { type: 'image/png' });
    expect(res.status).toBe(201);
    assertRealNulls({ ...res.body, duration_seconds: 1, thumbnail_url: 'x' }, 'upload answer');
    expect(Object.keys(res.body).sort()).toEqual([...SEED_FIELDS, 'is_public', 'folder', 'uploaded_by', 'download_count'].sort());
    expect(res.body).toMatchObject({
      original_filename: 'cat.png',
      file_type: 'image',
      mime_type: 'image/png',
      file_size: bytes.length,
      storage_provider: 'local',
      duration_seconds: null,
      thumbnail_url: null,
      is_public: false,
      folder: 'uploads',
      uploaded_by: fleet.users.student.userId,
      download_count: 0,
      file_url: `${base}/api/v1/files/download/${res.body.id}`,
    });
    expect(res.body.filename).toMatch(/^[0-9a-f-]{36}\.png$/);
    const download = await get(new URL(res.body.file_url).pathname, fleet.users.student);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(bytes)).toBe(true);
    expect(download.headers.get('content-type')).toBe('image/png');
  });

  test('When a private file is read, then the uploader and admins see it (with uploaded_by), another student and anonymous get 404', async () => {
    const created = (await upload(fleet.users.student, 'notes.pdf', pdf())).body;
    const path = `/api/v1/files/${created.id}`;
    const mine = await api('GET', path, fleet.users.student);
    expect(mine.body).toMatchObject({ id: created.id, uploaded_by: fleet.users.student.userId });
    const admin = await api('GET', path, fleet.admin);
    expect(admin.status).toBe(200);
    expect(admin.body.uploaded_by).toBe(fleet.users.student.userId);
    expectErrorBody(await api('GET', path, fleet.users.otherStudent), 404, 'MEDIA.FILE_NOT_FOUND');
    expectErrorBody(await api('GET', path), 404, 'MEDIA.FILE_NOT_FOUND');
    expect((await get(`/api/v1/files/download/${created.id}`, fleet.users.otherStudent)).status).toBe(404);
    expect((await get(`/api/v1/files/download/${created.id}`)).status).toBe(404);
    expect((await get(`/api/v1/files/download/${created.id}`, fleet.admin)).status).toBe(200);
  });

  test('When a public file is read, then anyone may, without the uploader-only fields', async () => {
    const created = (await upload(fleet.users.student, 'open.png', png(), { query: '?is_public=true&folder=covers' })).body;
    expect(created).toMatchObject({ is_public: true, folder: 'covers' });
    const anonymous = await api('GET', `/api/v1/files/${created.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).not.toHaveProperty('uploaded_by');
    expect(anonymous.body).not.toHaveProperty('download_count');
    const other = await api('GET', `/api/v1/files/${created.id}`, fleet.users.otherStudent);
    expect(other.body).not.toHaveProperty('uploaded_by');
    const download = await get(`/api/v1/files/download/${created.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('cache-control')).toBe('public, max-age=3600, no-transform');
  });

  test("When my files are listed, then page/page_size and the seed's skip/limit page them, and file_type filters", async () => {
    const me = await fleet.newUser('student', 'lister');
    for (const [name, bytes] of [['a.png', png()], ['b.pdf', pdf()], ['c.mp4', mp4({ durationSeconds: 7 })], ['d.png', png()]] as const) {
      expect((await upload(me, name, bytes)).status).toBe(201);
    }
    const page = await api('GET', '/api/v1/files/my-files?page=2&page_size=3', me);
    expect(page.body).toMatchObject({ total: 4, page: 2, page_size: 3, total_pages: 2 });
    expect(page.body.files).toHaveLength(1);
    const offset = await api('GET', '/api/v1/files/my-files?skip=1&limit=2', me);
    expect(offset.body.files).toHaveLength(2);
    expect(offset.body.total).toBe(4);
    const all = await api('GET', '/api/v1/files/my-files', me);
    expect(offset.body.files.map((f: { id: string }) => f.id)).toEqual(all.body.files.slice(1, 3).map((f: { id: string }) => f.id));
    const images = await api('GET', '/api/v1/files/my-files?file_type=image', me);
    expect(images.body.total).toBe(2);
    const videos = await api('GET', '/api/v1/files/my-files?file_type=video', me);
    expect(videos.body.files[0]).toMatchObject({ file_type: 'video', mime_type: 'video/mp4', duration_seconds: 7 });
  });

  test('When ranges and validators are sent, then 206, 416 with bytes */N, If-Range and If-None-Match 304 behave', async () => {
    const bytes = pdf({ text: 'x'.repeat(5000) });
    const created = (await upload(fleet.users.student, 'long.pdf', bytes)).body;
    const path = `/api/v1/files/download/${created.id}`;
    const me = fleet.users.student;
    const partial = await get(path, me, { Range: 'bytes=10-99' });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 10-99/${bytes.length}`);
    expect(partial.bytes.equals(bytes.subarray(10, 100))).toBe(true);
    const suffix = await get(path, me, { Range: 'bytes=-20' });
    expect(suffix.bytes.equals(bytes.subarray(bytes.length - 20))).toBe(true);
    const beyond = await get(path, me, { Range: `bytes=${bytes.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect(beyond.json()).toMatchObject({ code: 'MEDIA.RANGE_NOT_SATISFIABLE' });
    const etag = partial.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await get(path, me, { Range: 'bytes=0-9', 'If-Range': etag })).status).toBe(206);
    const stale = await get(path, me, { Range: 'bytes=0-9', 'If-Range': '"old"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.equals(bytes)).toBe(true);
    const notModified = await get(path, me, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.bytes.length).toBe(0);
  });

  test('When a file has an Arabic name, then Content-Disposition carries it (RFC 5987) and decodes back to the sanitised name', async () => {
    const name = 'ملخص\u202Eالدرس.pdf';
    const created = (await upload(fleet.users.student, name, pdf())).body;
    expect(created.original_filename).toMatch(/^ملخص.*الدرس\.pdf$/);
    expect(created.original_filename).not.toContain('\u202E');
    const download = await get(`/api/v1/files/download/${created.id}`, fleet.users.student);
    const header = download.headers.get('content-disposition')!;
    expect(header).toContain("filename*=UTF-8''");
    expect(parseDisposition(header)).toEqual({ type: 'attachment', parameters: expect.objectContaining({ filename: created.original_filename }) });
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe('sandbox');
  });

  test('When an executable is renamed .png, then 415 in the standard error body and nothing is listed', async () => {
    const me = await fleet.newUser('student', 'renamer');
    const res = await upload(me, 'holiday.png', exe(), { type: 'image/png' });
    const body = expectErrorBody(res, 415, 'MEDIA.CONTENT_MISMATCH');
    expect(body.detail).toMatch(/\.png/);
    expect((await api('GET', '/api/v1/files/my-files', me)).body.total).toBe(0);
  });

  test('When a 101 MB upload is sent, then 413 arrives quickly and the body is not read', async () => {
    const total = 101 * 1024 * 1024;
    const parts = multipart([], { name: 'huge.mp4', type: 'video/mp4' });
    const sent = await sendStreaming(`${base}/api/v1/files/upload`, {
      headers: {
        Authorization: bearer(fleet.users.student),
        'Content-Type': `multipart/form-data; boundary=${parts.boundary}`,
        'Content-Length': String(parts.head.length + total + parts.tail.length),
      },
      chunks: multipartChunks(parts, zeros(total)),
    });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.text)).toMatchObject({ code: 'MEDIA.FILE_TOO_LARGE' });
    expect(sent.headers.connection).toBe('close');
    expect(sent.bytesWritten).toBeLessThan(16 * 1024 * 1024);
    expect(sent.answeredAfterMs).toBeLessThan(5000);
  });

  test('When files are deleted, then a reader who is not the uploader gets 403, one who cannot read 404, the owner 204 and then 404', async () => {
    const me = fleet.users.student;
    const open = (await upload(me, 'shared.png', png(), { query: '?is_public=true' })).body;
    const hidden = (await upload(me, 'hidden.png', png())).body;
    expectErrorBody(await api('DELETE', `/api/v1/files/${open.id}`, fleet.users.otherStudent), 403, 'MEDIA.NOT_FILE_OWNER');
    expectErrorBody(await api('DELETE', `/api/v1/files/${hidden.id}`, fleet.users.otherStudent), 404, 'MEDIA.FILE_NOT_FOUND');
    expect((await api('DELETE', `/api/v1/files/${hidden.id}`, me)).status).toBe(204);
    expectErrorBody(await api('GET', `/api/v1/files/${hidden.id}`, me), 404);
    expect((await get(`/api/v1/files/download/${hidden.id}`, me)).status).toBe(404);
    expect((await api('DELETE', `/api/v1/files/${open.id}`, fleet.admin)).status).toBe(204);
  });

  test('When a file is uploaded directly (local storage), then declare → PUT to the signed URL → complete → download gives it back; a tampered signature is 403', async () => {
    const me = fleet.users.student;
    const bytes = mp4({ durationSeconds: 3 });
    const declared = await api('POST', '/api/v1/files/direct-uploads', me, { filename: 'lecture.mp4', size: bytes.length, mime_type: 'video/mp4' });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ status: 'pending', method: 'PUT', size: bytes.length, file_id: null });
    expect(declared.body.parts).toHaveLength(1);
    const url = new URL(declared.body.parts[0].url);
    expect(url.origin).toBe(base);

    const tampered = new URL(url);
    tampered.searchParams.set('signature', '0'.repeat(64));
    const refused = await fetch(tampered, { method: 'PUT', body: bytes, headers: declared.body.headers });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('MEDIA.UPLOAD_URL_INVALID');

    const put = await fetch(url, { method: 'PUT', body: bytes, headers: declared.body.headers });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ id: declared.body.id, received_bytes: bytes.length });
    const completed = await api('POST', `/api/v1/files/direct-uploads/${declared.body.id}/complete`, me);
    expect(completed.status).toBe(201);
    expect(completed.body).toMatchObject({ file_type: 'video', file_size: bytes.length, duration_seconds: 3 });
    const status = await api('GET', `/api/v1/files/direct-uploads/${declared.body.id}`, me);
    expect(status.body).toMatchObject({ status: 'completed', file_id: completed.body.id });
    const download = await get(`/api/v1/files/download/${completed.body.id}`, me);
    expect(download.bytes.equals(bytes)).toBe(true);
  });

  test('When a client aborts mid-body, then no file is kept: my files unchanged, nothing new in storage', async () => {
    const me = fleet.users.otherStudent;
    const listed = async () => (await api('GET', '/api/v1/files/my-files', me)).body.total as number;
    const stored = async () => (await listFiles(fleet.media!.config.UPLOAD_DIR)).filter((p) => !p.includes('.partial'));
    const [filesBefore, storedBefore] = [await listed(), await stored()];
    const size = 8 * 1024 * 1024;
    const parts = multipart([], { name: 'cut.mp4', type: 'video/mp4' });
    const req = http.request(`${base}/api/v1/files/upload`, {
      method: 'POST',
      headers: { Authorization: bearer(me), 'Content-Type': `multipart/form-data; boundary=${parts.boundary}`, 'Content-Length': String(parts.head.length + size + parts.tail.length) },
    });
    req.on('error', () => undefined);
    req.write(parts.head);
    let sent = 0;
    for (const chunk of bigMp4Chunks(size)) {
      if (sent >= size / 2) break;
      sent += chunk.length;
      if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
    }
    await new Promise((r) => setTimeout(r, 200)); // media is storing what came
    req.destroy();
    const db = fleet.openDatabase('media');
    const failed = async () =>
      (await db.query(`SELECT status FROM uploads WHERE original_filename = 'cut.mp4'`, { type: 'SELECT' as never })) as { status: string }[];
    for (let i = 0; i < 100 && (await failed()).every((r) => r.status === 'pending'); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect((await failed()).map((r) => r.status)).toEqual(['failed']);
    expect(await listed()).toBe(filesBefore);
    expect((await stored()).sort()).toEqual(storedBefore.sort());
  });

  test('When 100 MB are uploaded and downloaded through the gateway, then the SHA-256 is the same both ways', async () => {
    const size = 100 * 1024 * 1024; // exactly the limit (MAX_UPLOAD_SIZE): the multipart framing must not count against it
    const expected = await sha256Of(bigMp4Chunks(size));
    const parts = multipart([['folder', 'lectures']], { name: 'lecture.mp4', type: 'video/mp4' });
    const sent = await sendStreaming(`${base}/api/v1/files/upload`, {
      headers: {
        Authorization: bearer(fleet.users.student),
        'Content-Type': `multipart/form-data; boundary=${parts.boundary}`,
        'Content-Length': String(parts.head.length + size + parts.tail.length),
      },
      chunks: multipartChunks(parts, bigMp4Chunks(size)),
    });
    expect(sent.status).toBe(201);
    const file = JSON.parse(sent.text);
    expect(file).toMatchObject({ file_size: size, file_type: 'video', folder: 'lectures' });
    const hash = createHash('sha256');
    let received = 0;
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${base}/api/v1/files/download/${file.id}`, { headers: { Authorization: bearer(fleet.users.student) } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            hash.update(chunk);
          });
          res.on('end', resolve);
          res.on('error', reject);
        })
        .on('error', reject);
    });
    expect(received).toBe(size);
    expect(hash.digest('hex')).toBe(expected);
  }, 120_000);

  test('When the OpenAPI document is read, then every file route is there, the uploads with multipart / binary bodies', async () => {
    const doc = (await api('GET', '/openapi.json')).body;
    const files = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>>)
      .filter(([path]) => path.startsWith('/api/v1/files'))
      .flatMap(([, ops]) => Object.values(ops).map((op) => op.operationId))
      .sort();
    expect(files).toEqual(
      ['uploadFile', 'listMyFiles', 'downloadFile', 'createDirectUpload', 'putDirectUploadContent', 'completeDirectUpload', 'getDirectUpload', 'abortDirectUpload', 'getFile', 'deleteFile'].sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/files/upload'].post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(doc.paths['/api/v1/files/direct-uploads/{upload_id}/content'].put.requestBody.content)).toEqual(['application/octet-stream']);
    expect(doc.paths['/api/v1/files/download/{file_id}'].get.responses).toHaveProperty('416');
  });
});
