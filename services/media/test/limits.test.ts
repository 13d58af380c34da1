import { bigMp4Chunks, png } from './fixtures/files';
import { eventually, expectGrpcError, GrpcStatus, PROVIDERS, startMediaSuite, storageEventually, uploadMessages, type MediaSuite, type User } from './support';
import { reserveUpload } from '../src/app/uploads/reserve-upload';
import type { UploadRequest } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import type { UploadStart } from '@lms/kit/generated/lms/media/v1/UploadStart';

const MiB = 1024 * 1024;
const MAX = 2 * MiB;
const QUOTA = 3 * MiB;

/** An upload stream that counts how many chunks the client was asked for. */
function counted(start: UploadStart, chunks: Iterable<Buffer>) {
  const seen = { chunks: 0 };
  function* messages(): Generator<UploadRequest> {
    for (const message of uploadMessages(start, chunks)) {
      if (message.chunk) seen.chunks++;
      yield message;
    }
  }
  return { messages: messages(), seen };
}

describe.each(PROVIDERS)('media limits on %s storage', (provider) => {
  let suite: MediaSuite;
  const keysOf = async () => (await suite.storedKeys()).filter((k) => !k.startsWith('.partial'));
  const mp4Upload = (user: User, size: number, expected = size) =>
    suite.media.Upload(uploadMessages({ original_filename: 'clip.mp4', expected_size: expected }, bigMp4Chunks(size)), user.auth);
  const pending = async (userId: string) =>
    (await suite.db.query(`SELECT count(*)::int AS n FROM uploads WHERE user_id = :userId AND status = 'pending'`, {
      replacements: { userId },
      type: 'SELECT' as never,
      plain: true,
    })) as unknown as { n: number };

  beforeAll(async () => {
    // The stream upload timeout stays long: a 1 s one expired the quota test's parallel uploads on a loaded machine
    // (its expiry timer fired mid-stream). The expiry test below reserves its upload with its own 1 s deadline.
    suite = await startMediaSuite('limits', provider, {
      env: { MAX_UPLOAD_SIZE: String(MAX), USER_STORAGE_QUOTA_BYTES: String(QUOTA) },
    });
  }, 120_000);
  afterAll(async () => suite?.close());

  it('refuses an announced size over the limit before reading the bytes, and an unannounced one as soon as it passes the limit', async () => {
    const before = await keysOf();
    const announced = counted({ original_filename: 'big.mp4', expected_size: 40 * MiB }, bigMp4Chunks(40 * MiB));
    const tooBig = await expectGrpcError(suite.media.Upload(announced.messages, suite.student.auth), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.FILE_TOO_LARGE');
    expect(tooBig.message).toBe('File too large. Maximum size: 2MB');
    process.stdout.write(`[media ${provider}] announced oversize: ${announced.seen.chunks} chunks pulled\n`);
    expect(announced.seen.chunks).toBeLessThan(64); // what the client pumped into its window before the refusal came (~2 MiB)
    expect((await pending(suite.student.userId)).n).toBe(0);

    const unannounced = counted({ original_filename: 'big.mp4' }, bigMp4Chunks(40 * MiB));
    await expectGrpcError(suite.media.Upload(unannounced.messages, suite.student.auth), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.FILE_TOO_LARGE');
    process.stdout.write(`[media ${provider}] unannounced oversize: ${unannounced.seen.chunks} chunks pulled\n`);
    expect(unannounced.seen.chunks).toBeLessThan(128); // the limit (32 chunks) plus what was in flight
    await storageEventually(suite, (keys) => keys.filter((k) => !k.startsWith('.partial')).length === before.length);
    await eventually(async () => expect((await pending(suite.student.userId)).n).toBe(0));
  });

  it('enforces the quota (kept files + reservations), atomically for parallel uploads; a delete frees it; admins are exempt', async () => {
    const user = await suite.newUser('student', 'quota');
    const first = await mp4Upload(user, 1.5 * MiB);
    const over = await expectGrpcError(mp4Upload(user, 2 * MiB), GrpcStatus.FAILED_PRECONDITION, 'MEDIA.QUOTA_EXCEEDED');
    expect(over.meta).toMatchObject({ used_bytes: 1.5 * MiB, quota_bytes: QUOTA });
    await suite.media.DeleteFile({ file_id: first.id }, user.auth);
    await mp4Upload(user, 2 * MiB);

    const racer = await suite.newUser('student', 'racer');
    const results = await Promise.allSettled([mp4Upload(racer, 2 * MiB), mp4Upload(racer, 2 * MiB), mp4Upload(racer, 2 * MiB)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason.code).toBe('MEDIA.QUOTA_EXCEEDED');

    await mp4Upload(suite.admin, 2 * MiB);
    await mp4Upload(suite.admin, 2 * MiB);
  });

  it('a client that gives up mid-stream leaves nothing: the upload fails, its bytes are removed', async () => {
    const before = await keysOf();
    function* brokenOff(): Generator<UploadRequest> {
      let n = 0;
      for (const message of uploadMessages({ original_filename: 'cut.mp4', expected_size: MAX }, bigMp4Chunks(MAX))) {
        if (n++ === 10) throw new Error('the client went away');
        yield message;
      }
    }
    await expect(suite.media.Upload(brokenOff(), suite.otherStudent.auth)).rejects.toThrow();
    await eventually(async () => expect((await pending(suite.otherStudent.userId)).n).toBe(0));
    await storageEventually(suite, (keys) => keys.filter((k) => !k.startsWith('.partial')).length === before.length);
  });

  it('a stream upload whose process died is expired by its timer: status expired, bytes released, quota freed', async () => {
    const { deps } = suite.service;
    const caller = { userId: suite.otherInstructor.userId, role: 'instructor' as const, sessionId: '', tokenId: '', issuedAt: 0, expiresAt: 0 };
    const now = new Date();
    const upload = await deps.units.run((uow) =>
      reserveUpload(uow, deps, caller, {
        kind: 'stream',
        originalFilename: 'crashed.png',
        extension: '.png',
        folder: 'uploads',
        isPublic: false,
        declaredMimeType: null,
        declaredSize: null,
        reservedBytes: MAX,
        expiresAt: new Date(now.getTime() + 1000),
      }),
    );
    const { Readable } = await import('node:stream');
    await deps.storage.put(upload.storageKey, Readable.from([png()]), { contentType: 'image/png' });
    expect(await suite.storedKeys()).toContain(upload.storageKey);
    await eventually(async () => expect((await deps.units.read.uploads.findById(upload.id))!.status).toBe('expired'), 20_000);
    await storageEventually(suite, (keys) => !keys.includes(upload.storageKey));
    expect(await deps.units.read.uploads.usedBytes(caller.userId)).toBe(0);
  });
});
