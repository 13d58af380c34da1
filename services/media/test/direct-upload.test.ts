/**
 * Direct uploads on both providers: declare → PUT → complete → the download is the same bytes. With S3 (s3rver
 * from scripts/infra.sh, a bucket of this suite's own) the PUTs are plain `fetch`es to the presigned URLs, as a
 * browser would send them; with local storage the URL points at the gateway's content route (G's, tested there),
 * so this suite checks its shape and sends the bytes the way the gateway does: PutDirectUploadContent with the
 * URL's query fields. The abandoned-upload cleanup runs on a short URL lifetime and no grace (a restart).
 */
import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { MediaClient } from '@lms/kit/clients';
import type { CompletedPart } from '@lms/kit/generated/lms/media/v1/CompletedPart';
import type { DirectUpload__Output } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { UploadRequest } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import { createLogger } from '@lms/kit/logging';
import { eventually, expectGrpcError, type TestUser } from '@lms/kit/testing';
import { GrpcStatus } from '@lms/kit/grpc';
import { startFleet, type Fleet } from '@lms/testing-fleet';
import type { MediaConfig } from '../src/config';
import { signUploadUrl } from '../src/domain/upload-url-signature';
import { createStorage, type ObjectStorage } from '@lms/storage';
import { bigMp4Chunks, exe, pdf, png, sha256Of } from './fixtures/files';

const MiB = 1024 * 1024;
const PART_SIZE = 5 * MiB;
const logger = createLogger('media-direct-upload-test', 'silent');

type Provider = 'local' | 's3';
type Users = 'owner' | 'other';

interface Suite {
  fleet: Fleet<Users>;
  media(): MediaClient;
  config(): MediaConfig;
  db: Sequelize;
  storage(): ObjectStorage;
  owner: TestUser;
  other: TestUser;
  admin: TestUser;
}

/** On top of startMedia's own storage (a temporary UPLOAD_DIR, a bucket of the suite's own on infra's s3rver). */
const envFor = (provider: Provider): Record<string, string> => ({
  STORAGE_PROVIDER: provider,
  DIRECT_UPLOAD_PART_SIZE: String(PART_SIZE),
  PUBLIC_API_URL: 'http://127.0.0.1:8080',
});

/** The bytes of `file`, split the way the gateway streams them (64 KiB chunks). */
function* chunksOf(bytes: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/**
 * The messages the gateway's content route sends for a signed URL: start (the URL's fields), chunks, then `end`
 * with the bytes sent (`end: 'none'` — a body cut off; a number — a wrong count).
 */
function* contentMessages(url: string, chunks: Iterable<Buffer>, expectedSize = 0, end: 'count' | 'none' | number = 'count'): Generator<UploadRequest> {
  const parsed = new URL(url);
  const uploadId = decodeURIComponent(parsed.pathname.split('/').at(-2)!);
  yield {
    start: {
      upload_id: uploadId,
      expires: Number(parsed.searchParams.get('expires')),
      signature: parsed.searchParams.get('signature') ?? '',
      expected_size: expectedSize,
    },
  };
  let total = 0;
  for (const chunk of chunks) {
    total += chunk.length;
    yield { chunk };
  }
  if (end !== 'none') yield { end: { total_bytes: end === 'count' ? total : end } };
}

function bufferOf(chunks: Iterable<Buffer>): Buffer {
  return Buffer.concat([...chunks]);
}

describe.each<Provider>(['local', 's3'])('direct uploads (%s storage)', (provider) => {
  let suite: Suite;
  let storage: ObjectStorage | undefined;

  beforeAll(async () => {
    const fleet = await startFleet<Users>({
      label: `direct_${provider}`,
      services: ['media'],
      env: { media: envFor(provider) },
      users: { owner: ['instructor', 'owner'], other: ['student', 'other'] },
    });
    const media = fleet.media!;
    suite = {
      fleet,
      media: () => media.client,
      config: () => media.config,
      db: fleet.openDatabase('media'),
      storage: () => {
        storage ??= createStorage(media.config, media.config.UPLOAD_DIR, logger);
        return storage;
      },
      owner: fleet.users.owner,
      other: fleet.users.other,
      admin: fleet.admin!,
    };
  });

  afterAll(async () => {
    storage?.close();
    await suite?.fleet.close();
  });

  const declare = (file: { filename: string; size: number; mime_type?: string; is_public?: boolean }, user = suite.owner) =>
    suite.media().CreateDirectUpload({ mime_type: 'application/octet-stream', ...file }, user.auth) as Promise<DirectUpload__Output>;

  /** Sends the bytes to the upload's URLs; returns the parts to complete with (S3 multipart: their ETags). */
  async function putBytes(upload: DirectUpload__Output, bytes: Buffer): Promise<CompletedPart[]> {
    if (provider === 'local') {
      await suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes), bytes.length));
      return [];
    }
    const parts: CompletedPart[] = [];
    let at = 0;
    for (const part of upload.parts) {
      const size = Number(part.size);
      const response = await fetch(part.url, { method: 'PUT', headers: upload.headers, body: bytes.subarray(at, at + size) });
      expect(response.status).toBe(200);
      parts.push({ part_number: part.part_number, etag: response.headers.get('etag') ?? '' });
      at += size;
    }
    return parts;
  }

  /** The file's bytes through Download (a redirect to a presigned GET is followed). */
  async function download(fileId: string, user = suite.owner): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const message of suite.media().Download({ file_id: fileId }, user.auth)) {
      if (message.redirect_url) return Buffer.from(await (await fetch(message.redirect_url)).arrayBuffer());
      if (message.chunk) chunks.push(message.chunk);
    }
    return Buffer.concat(chunks);
  }

  async function uploadRow(id: string): Promise<{ status: string; storage_key: string; failure: string | null; reserved_bytes: string }> {
    const [row] = await suite.db.query<{ status: string; storage_key: string; failure: string | null; reserved_bytes: string }>(
      `SELECT status, storage_key, failure, reserved_bytes FROM uploads WHERE id = :id`,
      { type: QueryTypes.SELECT, replacements: { id } },
    );
    return row;
  }

  it('declare → PUT → complete: the file is the bytes sent, its type from the content; complete is idempotent', async () => {
    const bytes = pdf({ text: `direct ${provider}` });
    const upload = await declare({ filename: 'Syllabus 2026.pdf', size: bytes.length, mime_type: 'application/pdf' });
    expect(upload).toMatchObject({ status: 'pending', method: 'PUT', filename: 'Syllabus 2026.pdf', size: String(bytes.length) });
    expect(upload.parts).toHaveLength(1);
    expect(upload.parts[0]).toMatchObject({ part_number: 1, size: String(bytes.length) });
    expect(upload.headers).toEqual({ 'Content-Type': 'application/pdf' });
    const expiresAt = Date.parse(upload.expires_at);
    expect(expiresAt).toBeGreaterThan(Date.now() + 3000 * 1000);
    if (provider === 'local') {
      const url = new URL(upload.parts[0].url);
      expect(url.origin).toBe('http://127.0.0.1:8080');
      expect(url.pathname).toBe(`/api/v1/files/direct-uploads/${upload.id}/content`);
      expect(url.searchParams.get('expires')).toBe(String(expiresAt / 1000));
      expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
    } else {
      expect(upload.parts[0].url).toContain('X-Amz-Signature=');
    }

    const parts = await putBytes(upload, bytes);
    const file = await suite.media().CompleteDirectUpload({ upload_id: upload.id, parts }, suite.owner.auth);
    expect(file).toMatchObject({
      id: upload.id,
      original_filename: 'Syllabus 2026.pdf',
      file_type: 'document',
      mime_type: 'application/pdf',
      file_size: String(bytes.length),
      storage_provider: provider,
      uploaded_by: suite.owner.userId,
      sha256: '',
    });
    expect(await download(file.id)).toEqual(bytes);

    const again = await suite.media().CompleteDirectUpload({ upload_id: upload.id, parts }, suite.owner.auth);
    expect(again.id).toBe(file.id);
    const seen = await suite.media().GetDirectUpload({ upload_id: upload.id }, suite.owner.auth);
    expect(seen).toMatchObject({ status: 'completed', file_id: file.id, failure: '' });
    expect(seen.parts.every((part) => part.url === '')).toBe(true);
  });

  it(
    provider === 's3' ? 'a size above the part size is a multipart upload: one presigned URL per part, assembled at complete' : 'a large file is one PUT, streamed',
    async () => {
      const size = 2 * PART_SIZE + 123_457;
      const chunks = () => bigMp4Chunks(size, { durationSeconds: 95, seed: 7 });
      const upload = await declare({ filename: 'lecture.mp4', size, mime_type: 'video/mp4' });
      if (provider === 's3') {
        expect(upload.parts.map((part) => Number(part.size))).toEqual([PART_SIZE, PART_SIZE, 123_457]);
        expect(upload.parts.map((part) => part.part_number)).toEqual([1, 2, 3]);
        expect(new Set(upload.parts.map((part) => part.url)).size).toBe(3);
      } else {
        expect(upload.parts).toHaveLength(1);
      }
      let parts: CompletedPart[] = [];
      if (provider === 'local') {
        // Half-way, the upload shows its progress (recorded every 8 MiB) while the PUT is still open.
        const watched = async function* () {
          let sent = 0;
          let checked = false;
          for (const message of contentMessages(upload.parts[0].url, chunks(), size)) {
            yield message;
            sent += message.chunk?.length ?? 0;
            if (!checked && sent >= 9 * MiB) {
              checked = true;
              await eventually(async () => {
                const seen = await suite.media().GetDirectUpload({ upload_id: upload.id }, suite.owner.auth);
                expect(Number(seen.received_bytes)).toBeGreaterThanOrEqual(8 * MiB);
              });
            }
          }
          expect(checked).toBe(true);
        };
        const reply = await suite.media().PutDirectUploadContent(watched());
        expect(reply).toMatchObject({ status: 'pending', received_bytes: String(size) });
      } else {
        parts = await putBytes(upload, bufferOf(chunks()));
        const complete = (sent: CompletedPart[]) => suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: sent }, suite.owner.auth);
        await expectGrpcError(complete([]), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
        await expectGrpcError(complete(parts.slice(0, 2)), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
        await expectGrpcError(complete([...parts.slice(0, 2), { ...parts[1], part_number: 2 }]), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
        await expectGrpcError(complete([...parts.slice(0, 2), { part_number: 3, etag: '' }]), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
        expect(await suite.media().GetDirectUpload({ upload_id: upload.id }, suite.owner.auth)).toMatchObject({ status: 'pending' });
      }
      const file = await suite.media().CompleteDirectUpload({ upload_id: upload.id, parts }, suite.owner.auth);
      expect(file).toMatchObject({ file_type: 'video', mime_type: 'video/mp4', file_size: String(size), duration_seconds: 95 });
      expect(await sha256Of(await download(file.id))).toBe(await sha256Of(chunks()));
    },
  );

  it('only the declaring user completes; the declaring user or an admin reads and aborts; others see nothing', async () => {
    const bytes = png();
    const upload = await declare({ filename: 'diagram.png', size: bytes.length, mime_type: 'image/png' });
    await expectGrpcError(suite.media().GetDirectUpload({ upload_id: upload.id }, suite.other.auth), GrpcStatus.NOT_FOUND, 'MEDIA.UPLOAD_NOT_FOUND');
    await expectGrpcError(
      suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.other.auth),
      GrpcStatus.NOT_FOUND,
      'MEDIA.UPLOAD_NOT_FOUND',
    );
    await expectGrpcError(suite.media().AbortDirectUpload({ upload_id: upload.id }, suite.other.auth), GrpcStatus.NOT_FOUND, 'MEDIA.UPLOAD_NOT_FOUND');
    await expectGrpcError(suite.media().GetDirectUpload({ upload_id: randomUUID() }, suite.owner.auth), GrpcStatus.NOT_FOUND, 'MEDIA.UPLOAD_NOT_FOUND');
    expect(await suite.media().GetDirectUpload({ upload_id: upload.id }, suite.admin.auth)).toMatchObject({ id: upload.id, status: 'pending' });

    const aborted = await suite.media().AbortDirectUpload({ upload_id: upload.id }, suite.owner.auth);
    expect(aborted).toMatchObject({ status: 'aborted' });
    expect(aborted.parts.every((part) => part.url === '')).toBe(true);
    expect(await suite.media().AbortDirectUpload({ upload_id: upload.id }, suite.admin.auth)).toMatchObject({ status: 'aborted' });
    expect((await uploadRow(upload.id)).reserved_bytes).toBe('0');
    await expectGrpcError(
      suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.owner.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'MEDIA.UPLOAD_NOT_PENDING',
    );
  });

  it('the declaration is checked: extension, size, folder', async () => {
    await expectGrpcError(declare({ filename: 'setup.exe', size: 1000 }), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.UNSUPPORTED_TYPE');
    await expectGrpcError(declare({ filename: 'notes.pdf', size: 0 }), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
    await expectGrpcError(declare({ filename: '', size: 10 }), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
    await expectGrpcError(
      declare({ filename: 'huge.mp4', size: suite.config().MAX_DIRECT_UPLOAD_SIZE + 1 }),
      GrpcStatus.INVALID_ARGUMENT,
      'MEDIA.FILE_TOO_LARGE',
    );
    await expectGrpcError(
      suite.media().CreateDirectUpload({ filename: 'a.pdf', size: 10, folder: '../etc' }, suite.owner.auth),
      GrpcStatus.INVALID_ARGUMENT,
      'VALIDATION_FAILED',
    );
  });

  if (provider === 'local') {
    it('the content URL is refused when its signature is tampered with or it has expired (403), and bytes beyond the declared size at once (413)', async () => {
      const bytes = png();
      const upload = await declare({ filename: 'diagram.png', size: bytes.length });
      const url = new URL(upload.parts[0].url);
      const signature = url.searchParams.get('signature')!;
      url.searchParams.set('signature', (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1));
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(url.toString(), chunksOf(bytes))),
        GrpcStatus.PERMISSION_DENIED,
        'MEDIA.UPLOAD_URL_INVALID',
      );
      const past = Math.floor(Date.now() / 1000) - 5;
      url.searchParams.set('expires', String(past));
      url.searchParams.set('signature', signUploadUrl(suite.config().MEDIA_URL_SIGNING_SECRET, upload.id, past));
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(url.toString(), chunksOf(bytes))),
        GrpcStatus.PERMISSION_DENIED,
        'MEDIA.UPLOAD_URL_EXPIRED',
      );
      // Content-Length above the declared size: refused before a byte is read; a stream that runs over: at once.
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes), bytes.length + 1)),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.FILE_TOO_LARGE',
      );
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, [bytes, Buffer.alloc(10)])),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.FILE_TOO_LARGE',
      );
      // Fewer bytes: announced (Content-Length) → refused before reading; not announced → at the end.
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes), bytes.length - 1)),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.SIZE_MISMATCH',
      );
      const smaller = png({ width: 1, height: 1 });
      expect(smaller.length).toBeLessThan(bytes.length);
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(smaller))),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.SIZE_MISMATCH',
      );
      // A stream that stops without its `end` (a cut PUT body can look like a clean end), or whose `end` counts
      // bytes that never arrived, is incomplete: nothing is kept.
      const incomplete = await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes), bytes.length, 'none')),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.INCOMPLETE_UPLOAD',
      );
      expect(incomplete.message).toBe('The upload ended before all of its bytes arrived');
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes), bytes.length, bytes.length + 1)),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.INCOMPLETE_UPLOAD',
      );
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes), bytes.length, bytes.length - 1)),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.BAD_STREAM',
      );
      const row = await uploadRow(upload.id);
      expect(row.status).toBe('pending');
      expect(await suite.storage().head(row.storage_key)).toBeNull();
      // A refused PUT leaves the upload pending: the right bytes may follow.
      const reply = await suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes)));
      expect(reply).toMatchObject({ status: 'pending', received_bytes: String(bytes.length) });
      const file = await suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.owner.auth);
      expect(await download(file.id)).toEqual(bytes);
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes))),
        GrpcStatus.FAILED_PRECONDITION,
        'MEDIA.UPLOAD_NOT_PENDING',
      );
    });

    it('a second PUT replaces the first while the upload is pending', async () => {
      const first = pdf({ text: 'first PUT' });
      const second = pdf({ text: 'later PUT' });
      expect(second.length).toBe(first.length);
      const upload = await declare({ filename: 'notes.pdf', size: first.length });
      await suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(first), first.length));
      await suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(second), second.length));
      const file = await suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.owner.auth);
      expect(await download(file.id)).toEqual(second);
    });

    it('a renamed executable is refused while it streams (415) and nothing is kept', async () => {
      const bytes = exe();
      const upload = await declare({ filename: 'cat.png', size: bytes.length, mime_type: 'image/png' });
      await expectGrpcError(
        suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(bytes))),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.CONTENT_MISMATCH',
      );
      const row = await uploadRow(upload.id);
      expect(await suite.storage().head(row.storage_key)).toBeNull();
      // Nothing stored: complete says so without ending the upload.
      await expectGrpcError(
        suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.owner.auth),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.SIZE_MISMATCH',
      );
    });
  } else {
    it('the local content route is refused while storage is S3', async () => {
      const bytes = png();
      const upload = await declare({ filename: 'diagram.png', size: bytes.length });
      const expires = Math.floor(Date.parse(upload.expires_at) / 1000);
      const signature = signUploadUrl(suite.config().MEDIA_URL_SIGNING_SECRET, upload.id, expires);
      const url = `http://127.0.0.1:8080/api/v1/files/direct-uploads/${upload.id}/content?expires=${expires}&signature=${signature}`;
      await expectGrpcError(suite.media().PutDirectUploadContent(contentMessages(url, chunksOf(bytes))), GrpcStatus.FAILED_PRECONDITION, 'MEDIA.WRONG_PROVIDER');
    });

    it('a renamed executable PUT to S3 is refused at complete (415): the object is deleted and the upload failed', async () => {
      const bytes = exe();
      const upload = await declare({ filename: 'cat.png', size: bytes.length, mime_type: 'image/png' });
      await putBytes(upload, bytes);
      const row = await uploadRow(upload.id);
      expect(await suite.storage().head(row.storage_key)).toEqual(expect.objectContaining({ size: bytes.length }));
      const err = await expectGrpcError(
        suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.owner.auth),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.CONTENT_MISMATCH',
      );
      expect(await suite.storage().head(row.storage_key)).toBeNull();
      const seen = await suite.media().GetDirectUpload({ upload_id: upload.id }, suite.owner.auth);
      expect(seen).toMatchObject({ status: 'failed', failure: err.message });
      expect((await uploadRow(upload.id)).reserved_bytes).toBe('0');
    });

    it('a stored object of another size than declared is refused at complete (422): deleted, upload failed', async () => {
      const bytes = png();
      const upload = await declare({ filename: 'diagram.png', size: bytes.length + 100 });
      await fetch(upload.parts[0].url, { method: 'PUT', headers: upload.headers, body: bytes });
      await expectGrpcError(
        suite.media().CompleteDirectUpload({ upload_id: upload.id, parts: [] }, suite.owner.auth),
        GrpcStatus.INVALID_ARGUMENT,
        'MEDIA.SIZE_MISMATCH',
      );
      const row = await uploadRow(upload.id);
      expect(row.status).toBe('failed');
      expect(row.failure).toContain(`${bytes.length + 100} were declared`);
      expect(await suite.storage().head(row.storage_key)).toBeNull();
    });
  }

  // Last: restarts the service with a 10 s URL lifetime, no grace and a small quota.
  it('an abandoned upload is cleaned up by the timer: status expired, bytes gone, quota released', async () => {
    const quota = 2 * PART_SIZE + MiB;
    await suite.fleet.media!.restart({ DIRECT_UPLOAD_URL_SECONDS: '10', DIRECT_UPLOAD_CLEANUP_GRACE_SECONDS: '0', USER_STORAGE_QUOTA_BYTES: String(quota) });
    const user = await suite.fleet.newUser('student', 'abandons');
    const size = 2 * PART_SIZE;
    const upload = await declare({ filename: 'lecture.mp4', size }, user);
    const chunks = bufferOf(bigMp4Chunks(size, { seed: 3 }));
    let key: string;
    if (provider === 's3') {
      // One part of two sent, then silence: a multipart upload left open.
      expect(upload.parts).toHaveLength(2);
      const response = await fetch(upload.parts[0].url, { method: 'PUT', body: chunks.subarray(0, PART_SIZE) });
      expect(response.status).toBe(200);
      key = (await uploadRow(upload.id)).storage_key;
    } else {
      await suite.media().PutDirectUploadContent(contentMessages(upload.parts[0].url, chunksOf(chunks)));
      key = (await uploadRow(upload.id)).storage_key;
      expect(await suite.storage().head(key)).toEqual(expect.objectContaining({ size }));
    }
    await expectGrpcError(declare({ filename: 'more.mp4', size: 2 * MiB }, user), GrpcStatus.FAILED_PRECONDITION, 'MEDIA.QUOTA_EXCEEDED');

    const ended = await eventually(
      async () => {
        const seen = await suite.media().GetDirectUpload({ upload_id: upload.id }, user.auth);
        expect(seen.status).toBe('expired');
        if (provider === 's3') expect(seen.failure).toContain('does not support AbortMultipartUpload');
        return seen;
      },
      40_000,
      250,
    );
    expect(ended.parts.every((part) => part.url === '')).toBe(true);
    await eventually(async () => expect(await suite.storage().head(key)).toBeNull(), 20_000, 250);
    if (provider === 's3') {
      // Visible: the upload says its parts were left to the bucket's lifecycle rule.
      expect(ended.failure).toContain('AbortIncompleteMultipartUpload');
    }
    expect((await uploadRow(upload.id)).reserved_bytes).toBe('0');
    const next = await declare({ filename: 'more.mp4', size: 2 * MiB }, user);
    expect(next.status).toBe('pending');
  }, 90_000);
});
