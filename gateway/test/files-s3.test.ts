import type { TestUser } from '@lms/kit/testing';
import type { Fleet } from '@lms/testing-fleet';
import { bigMp4Chunks, pdf } from '../../services/media/test/fixtures/files';
import { startFilesGateway } from './files-support';
import type { TestGateway } from './support/gateway';

/**
 * The file routes with media on S3 (the local s3rver, a bucket of its own per fleet), in both download modes:
 * `redirect` answers 302 to a presigned GET issued after the access check (fetch follows it, as a browser
 * would), `proxy` streams the object through media and the gateway. Bytes are compared, ranges included.
 */
describe.each(['redirect', 'proxy'] as const)('Files through the gateway (media on S3, %s downloads)', (mode) => {
  let fleet: Fleet<'student' | 'otherStudent'>;
  let gateway: TestGateway;
  let base: string;
  const bearer = (user: TestUser) => user.auth.authorization;

  beforeAll(async () => {
    if (!process.env.S3_ENDPOINT) throw new Error('S3_ENDPOINT is not set: run the tests with `eval "$(bash scripts/infra.sh env)"`');
    ({ fleet, gateway } = await startFilesGateway(`gw_files_s3_${mode}`, { STORAGE_PROVIDER: 's3', S3_DOWNLOAD_MODE: mode }));
    base = gateway.base;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await fleet?.close();
  });

  async function upload(user: TestUser, name: string, bytes: Buffer) {
    const body = new FormData();
    body.append('file', new Blob([bytes]), name);
    const res = await fetch(`${base}/api/v1/files/upload`, { method: 'POST', body, headers: { Authorization: bearer(user) } });
    return { status: res.status, body: await res.json() };
  }

  test('When a file is uploaded and downloaded, then the bytes are the same (302 to a presigned URL, or streamed), ranges too', async () => {
    // Several 64 KiB messages and an odd length: a corrupted streamed put (the SDK's default checksums on s3rver) shows here.
    const bytes = Buffer.concat([...bigMp4Chunks(3 * 1024 * 1024 + 17, { durationSeconds: 5 })]);
    const created = await upload(fleet.users.student, 'clip.mp4', bytes);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ storage_provider: 's3', file_size: bytes.length });
    const path = `/api/v1/files/download/${created.body.id}`;
    const auth = { Authorization: bearer(fleet.users.student) };

    const manual = await fetch(`${base}${path}`, { headers: auth, redirect: 'manual' });
    if (mode === 'redirect') {
      expect(manual.status).toBe(302);
      expect(manual.headers.get('cache-control')).toBe('no-store');
      expect(manual.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+X-Amz-Signature=/);
    } else {
      expect(manual.status).toBe(200);
      expect(manual.headers.get('content-length')).toBe(String(bytes.length));
    }
    await manual.arrayBuffer().catch(() => undefined);

    const followed = await fetch(`${base}${path}`, { headers: auth });
    expect(followed.status).toBe(200);
    expect(Buffer.from(await followed.arrayBuffer()).equals(bytes)).toBe(true);

    const partial = await fetch(`${base}${path}`, { headers: { ...auth, Range: 'bytes=1000-1999' } });
    expect(partial.status).toBe(206);
    expect(Buffer.from(await partial.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);

    // The access check comes first: no presigned URL (nor bytes) for someone who may not read the file.
    const other = await fetch(`${base}${path}`, { headers: { Authorization: bearer(fleet.users.otherStudent) }, redirect: 'manual' });
    expect(other.status).toBe(404);
  });

  test('When a file is uploaded directly, then declare → PUT to the presigned URL → complete → download gives it back', async () => {
    const me = fleet.users.student;
    const bytes = pdf({ text: 'direct to S3' });
    const declared = await fetch(`${base}/api/v1/files/direct-uploads`, {
      method: 'POST',
      headers: { Authorization: bearer(me), 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename: 'handout.pdf', size: bytes.length, mime_type: 'application/pdf' }),
    });
    expect(declared.status).toBe(201);
    const upload = await declared.json();
    expect(upload.parts).toHaveLength(1);
    expect(upload.parts[0].url).not.toContain(base);
    const put = await fetch(upload.parts[0].url, { method: 'PUT', body: bytes, headers: upload.headers });
    expect(put.status).toBe(200);
    const completed = await fetch(`${base}/api/v1/files/direct-uploads/${upload.id}/complete`, { method: 'POST', headers: { Authorization: bearer(me) } });
    expect(completed.status).toBe(201);
    const file = await completed.json();
    expect(file).toMatchObject({ file_type: 'document', mime_type: 'application/pdf', storage_provider: 's3' });
    const download = await fetch(`${base}/api/v1/files/download/${file.id}`, { headers: { Authorization: bearer(me) } });
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
