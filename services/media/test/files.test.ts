import { createHash } from 'node:crypto';
import { captureEventsByType } from '@lms/testing-fleet';
import { bigMp4Chunks, everyAllowedType, exe, png, pdf, mp4, sha256Of, truncated } from './fixtures/files';
import { download, eventually, expectGrpcError, GrpcStatus, PROVIDERS, startMediaSuite, storageEventually, unique, upload, uploadMessages, type MediaSuite } from './support';
import { DOWNLOAD_CHUNK_BYTES, prepareDownload } from '../src/app/files/download-file';
import type { UploadRequest } from '@lms/kit/generated/lms/media/v1/UploadRequest';

const MiB = 1024 * 1024;

describe.each(PROVIDERS)('media files on %s storage', (provider) => {
  let suite: MediaSuite;
  let events: Awaited<ReturnType<typeof captureEventsByType>>;

  beforeAll(async () => {
    suite = await startMediaSuite('files', provider, { withEnrollment: true });
    events = await captureEventsByType(suite.vhost.url, ['file.uploaded', 'file.deleted']);
  }, 120_000);
  afterAll(async () => {
    await events?.close();
    await suite?.close();
  });

  it('round-trips every allowed type byte for byte, typed by content, and publishes file.uploaded', async () => {
    for (const fixture of everyAllowedType()) {
      const file = await upload(suite, suite.student, fixture.filename, fixture.bytes, { declared_mime_type: 'application/octet-stream' });
      expect(file).toMatchObject({ file_type: fixture.kind, mime_type: fixture.mime, file_size: String(fixture.bytes.length), storage_provider: provider });
      expect(file.duration_seconds).toBe(fixture.durationSeconds ?? 0);
      expect(file.filename).toMatch(/^[0-9a-f-]{36}\.[a-z0-9]+$/);
      expect(file.file_url).toBe(`${suite.config.PUBLIC_API_URL.replace(/\/$/, '')}/api/v1/files/download/${file.id}`);
      expect(file.uploaded_by).toBe(suite.student.userId);
      const got = await download(suite, suite.student, { file_id: file.id });
      expect(got.body.equals(fixture.bytes)).toBe(true);
      expect(got.head).toMatchObject({ partial: false, total_size: String(fixture.bytes.length), etag: `"${file.id}"` });
    }
    const last = await events.waitFor('file.uploaded', (d) => d.uploaded_by === suite.student.userId && d.file_type === 'video');
    expect(last.data).toMatchObject({ storage_provider: provider, is_public: false });
  });

  it('streams a 100 MB mp4 up and down unchanged (sha256)', async () => {
    const size = 100 * MiB;
    const expected = await sha256Of(bigMp4Chunks(size));
    // Client, gateway-less service and (s3) SDK all live in this process: its RSS growth bounds what any of them buffers.
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const file = await suite.media.Upload(uploadMessages({ original_filename: 'lecture.mp4', expected_size: size }, bigMp4Chunks(size)), suite.instructor.auth).finally(() => clearInterval(sampler));
    const growthMb = (peak - baseline) / MiB;
    process.stdout.write(`[media ${provider}] 100 MB upload: RSS growth ${growthMb.toFixed(1)} MB\n`);
    expect(growthMb).toBeLessThan(64);
    expect(file).toMatchObject({ file_size: String(size), mime_type: 'video/mp4', sha256: expected, duration_seconds: 600 });
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const message of suite.media.Download({ file_id: file.id }, suite.instructor.auth)) {
      if (message.chunk) {
        expect(message.chunk.length).toBeLessThanOrEqual(DOWNLOAD_CHUNK_BYTES);
        hash.update(message.chunk);
        bytes += message.chunk.length;
      }
    }
    expect(bytes).toBe(size);
    expect(hash.digest('hex')).toBe(expected);
    await suite.media.DeleteFile({ file_id: file.id }, suite.instructor.auth);
  }, 180_000);

  it('serves ranges: first, middle, last, suffix; refuses an unsatisfiable one with the total size', async () => {
    const bytes = pdf({ text: 'x'.repeat(5000) });
    const file = await upload(suite, suite.student, 'notes.pdf', bytes);
    const n = bytes.length;
    const cases = [
      { req: { has_range: true, range_start: 0, range_end: 99 }, start: 0, end: 99 },
      { req: { has_range: true, range_start: 1000, range_end: 1999 }, start: 1000, end: 1999 },
      { req: { has_range: true, range_start: n - 10, range_end: -1 }, start: n - 10, end: n - 1 },
      { req: { has_range: true, range_start: 10, range_end: n + 500 }, start: 10, end: n - 1 },
      { req: { suffix_length: 300 }, start: n - 300, end: n - 1 },
    ];
    for (const c of cases) {
      const got = await download(suite, suite.student, { file_id: file.id, ...c.req });
      expect(got.head).toMatchObject({ partial: true, range_start: String(c.start), range_end: String(c.end), content_length: String(c.end - c.start + 1) });
      expect(got.body.equals(bytes.subarray(c.start, c.end + 1))).toBe(true);
    }
    for await (const message of suite.media.Download({ file_id: file.id }, suite.student.auth)) {
      expect(message.head).toBeTruthy();
      break; // a reader gone after the head: the service closes the object it opened
    }
    const refused = await expectGrpcError(download(suite, suite.student, { file_id: file.id, has_range: true, range_start: n, range_end: -1 }), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.RANGE_NOT_SATISFIABLE');
    expect(refused.meta).toMatchObject({ total_size: n });
  });

  if (provider === 's3') {
    it('redirect mode answers a presigned GET only after the access check', async () => {
      const bytes = png();
      const file = await upload(suite, suite.student, 'photo.png', bytes);
      const deps = { ...suite.service.deps, config: { ...suite.service.deps.config, S3_DOWNLOAD_MODE: 'redirect' as const } };
      const plan = await prepareDownload(deps, { userId: suite.student.userId, role: 'student' } as never, { fileId: file.id, range: { hasRange: false, start: 0, end: -1, suffixLength: 0 }, inline: false });
      expect(plan.kind).toBe('redirect');
      const res = await fetch((plan as { url: string }).url);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''photo.png");
      await expect(
        prepareDownload(deps, { userId: suite.otherStudent.userId, role: 'student' } as never, { fileId: file.id, range: { hasRange: false, start: 0, end: -1, suffixLength: 0 }, inline: false }),
      ).rejects.toMatchObject({ code: 'MEDIA.FILE_NOT_FOUND' });
    });
  }

  it('refuses by content: renamed executable, truncated file, zero bytes, extension not allowed — leaving nothing in storage', async () => {
    const before = await suite.storedKeys();
    const mismatch = await expectGrpcError(upload(suite, suite.student, 'cat.png', exe()), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.CONTENT_MISMATCH');
    expect(mismatch.message).toMatch(/\.png/);
    await expectGrpcError(upload(suite, suite.student, 'cut.png', truncated(png())), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.TRUNCATED_FILE');
    await expectGrpcError(upload(suite, suite.student, 'empty.pdf', Buffer.alloc(0)), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.EMPTY_FILE');
    const unsupported = await expectGrpcError(upload(suite, suite.student, 'setup.exe', exe()), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.UNSUPPORTED_TYPE');
    expect(unsupported.message).toBe('File type not allowed: .exe');
    await storageEventually(suite, (keys) => keys.filter((k) => !k.startsWith('.partial')).length === before.filter((k) => !k.startsWith('.partial')).length);
    const rows = await suite.db.query(`SELECT status, failure FROM uploads WHERE user_id = :u AND status <> 'completed'`, { replacements: { u: suite.student.userId }, type: 'SELECT' as never });
    expect((rows as { status: string }[]).every((r) => r.status === 'failed')).toBe(true);
  });

  it('accepts an upload only after its `end` with the count of what arrived: a stream that just stops, a wrong count or a message after `end` is refused and nothing is stored', async () => {
    const before = (await suite.storedKeys()).filter((k) => !k.startsWith('.partial'));
    const user = await suite.newUser('student', 'ends');
    const start = (name: string, size: number) => ({ original_filename: name, expected_size: size });
    const withoutEnd = function* (messages: Iterable<UploadRequest>) {
      for (const message of messages) if (!message.end) yield message;
    };
    const bytes = png();
    const incomplete = await expectGrpcError(
      suite.media.Upload(withoutEnd(uploadMessages(start('cut.png', bytes.length), bytes)), user.auth),
      GrpcStatus.INVALID_ARGUMENT,
      'MEDIA.INCOMPLETE_UPLOAD',
    );
    expect(incomplete.message).toBe('The upload ended before all of its bytes arrived');
    // Past S3's first 5 MiB part too: what was sent so far is never committed.
    const big = 6 * MiB;
    await expectGrpcError(
      suite.media.Upload(withoutEnd(uploadMessages(start('cut.mp4', big), bigMp4Chunks(big))), user.auth),
      GrpcStatus.INVALID_ARGUMENT,
      'MEDIA.INCOMPLETE_UPLOAD',
    );
    const counted = (total: number) =>
      function* (): Generator<UploadRequest> {
        yield { start: start('count.png', bytes.length) };
        yield { chunk: bytes };
        yield { end: { total_bytes: total } };
      };
    await expectGrpcError(suite.media.Upload(counted(bytes.length + 1)(), user.auth), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.INCOMPLETE_UPLOAD');
    await expectGrpcError(suite.media.Upload(counted(bytes.length - 1)(), user.auth), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.BAD_STREAM');
    const afterEnd = function* (): Generator<UploadRequest> {
      yield* uploadMessages(start('late.png', 0), bytes);
      yield { chunk: Buffer.from('late') };
    };
    await expectGrpcError(suite.media.Upload(afterEnd(), user.auth), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.BAD_STREAM');

    await storageEventually(suite, (keys) => keys.filter((k) => !k.startsWith('.partial')).length === before.length);
    const rows = (await suite.db.query(`SELECT status FROM uploads WHERE user_id = :u`, { replacements: { u: user.userId }, type: 'SELECT' as never })) as { status: string }[];
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
    expect((await suite.media.ListMyFiles({}, user.auth)).total).toBe(0);
    // The same bytes with their `end` are a file.
    await expect(upload(suite, user, 'whole.png', bytes)).resolves.toMatchObject({ file_size: String(bytes.length) });
  });

  it('an expected size that is only a bound (a multipart Content-Length) is refused early only beyond the limit plus 64 KiB of envelope', async () => {
    const max = suite.config.MAX_UPLOAD_SIZE;
    const bytes = png();
    const bound = (expected: number) => ({ expected_size: expected, expected_size_is_bound: true });
    // A bound a little over the limit (a file of exactly the limit in its envelope) is read; the file is smaller than it.
    await expect(upload(suite, suite.student, 'framed.png', bytes, bound(max + 2000))).resolves.toMatchObject({ file_size: String(bytes.length) });
    await expect(upload(suite, suite.student, 'framed.png', bytes, bound(bytes.length + 300))).resolves.toMatchObject({ file_size: String(bytes.length) });
    await expectGrpcError(upload(suite, suite.student, 'huge.png', bytes, bound(max + 64 * 1024 + 1)), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.FILE_TOO_LARGE');
    // An exact announcement is still exact: over the limit, or fewer bytes announced than sent, is refused.
    await expectGrpcError(upload(suite, suite.student, 'huge.png', bytes, { expected_size: max + 1 }), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.FILE_TOO_LARGE');
    await expectGrpcError(upload(suite, suite.student, 'short.png', bytes, { expected_size: bytes.length - 1 }), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
    // A bound is not exceeded by the file either.
    await expectGrpcError(upload(suite, suite.student, 'short.png', bytes, bound(bytes.length - 1)), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
  });

  it('keeps a generated key whatever the name; the original name is sanitised metadata', async () => {
    const attacks = ['../../etc/passwd.png', '..\\..\\boot.png', 'evil\u202Egnp.exe.png', 'a\u0000b\u0007c.png', '.hidden.png', 'تقرير الدرس.png'];
    for (const name of attacks) {
      const file = await upload(suite, suite.student, name, png());
      expect(file.filename).toMatch(/^[0-9a-f-]{36}\.png$/);
      expect(file.original_filename).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]|\.\./);
      expect(file.original_filename.startsWith('.')).toBe(false);
    }
    const arabic = await upload(suite, suite.student, 'تقرير الدرس.png', png());
    expect(arabic.original_filename).toBe('تقرير الدرس.png');
    const keys = await suite.storedKeys();
    expect(keys.every((k) => k.startsWith('.partial') || /^[A-Za-z0-9_/-]+\/[0-9a-f-]{36}\.[a-z0-9]+$/.test(k))).toBe(true);
    await expectGrpcError(upload(suite, suite.student, 'x.png', png(), { folder: '../outside' }), GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED');
  });

  it('authorises reads: uploader, admin, public for anyone, others 404; delete by the uploader or an admin', async () => {
    const priv = await upload(suite, suite.student, 'private.png', png());
    const pub = await upload(suite, suite.student, 'public.png', png(), { is_public: true });
    // Reads
    expect((await suite.media.GetFile({ file_id: priv.id }, suite.student.auth)).uploaded_by).toBe(suite.student.userId);
    expect((await suite.media.GetFile({ file_id: priv.id }, suite.admin.auth)).download_count).toBeDefined();
    await expectGrpcError(suite.media.GetFile({ file_id: priv.id }, suite.otherStudent.auth), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    await expectGrpcError(suite.media.GetFile({ file_id: priv.id }), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    await expectGrpcError(download(suite, undefined, { file_id: priv.id }), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    const publicView = await suite.media.GetFile({ file_id: pub.id });
    expect(publicView).toMatchObject({ uploaded_by: '', download_count: '0' });
    expect((await download(suite, undefined, { file_id: pub.id })).body.equals(png())).toBe(true);
    expect((await download(suite, suite.otherStudent, { file_id: pub.id })).body.length).toBeGreaterThan(0);
    expect((await suite.media.GetFile({ file_id: pub.id }, suite.student.auth)).download_count).toBe('2');
    await expectGrpcError(upload(suite, undefined, 'anon.png', png()), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(suite.media.GetFile({ file_id: '00000000-0000-4000-8000-000000000000' }, suite.admin.auth), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    // Deletes
    await expectGrpcError(suite.media.DeleteFile({ file_id: priv.id }, suite.otherStudent.auth), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    await expectGrpcError(suite.media.DeleteFile({ file_id: pub.id }, suite.otherStudent.auth), GrpcStatus.PERMISSION_DENIED, 'MEDIA.NOT_FILE_OWNER');
    await suite.media.DeleteFile({ file_id: pub.id }, suite.admin.auth);
    await suite.media.DeleteFile({ file_id: priv.id }, suite.student.auth);
    await expectGrpcError(suite.media.GetFile({ file_id: priv.id }, suite.student.auth), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
  });

  it('lesson attachments: the course owner and enrolled students may read, others may not', async () => {
    const owner = suite.instructor;
    const attachment = await upload(suite, owner, `slides-${unique()}.pdf`, pdf());
    const course = await suite.catalog.CreateCourse(
      { title: `Course ${unique()}`, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0, thumbnail_url: 'https://img.example/t.png' },
      owner.auth,
    );
    const lesson = await suite.catalog.CreateLesson(
      { course_id: course.id, title: 'With slides', lesson_type: 'text', content: '# Hi', duration_minutes: 5, attachment_file_ids: [attachment.id] },
      owner.auth,
    );
    await suite.catalog.PublishLesson({ lesson_id: lesson.id }, owner.auth);
    await suite.catalog.PublishCourse({ course_id: course.id }, owner.auth);
    const enrolled = await suite.newUser('student', 'enrolled');
    await suite.enrollment!.Enroll({ course_id: course.id }, enrolled.auth);
    const read = (user: typeof owner | undefined) => download(suite, user, { file_id: attachment.id });
    expect((await eventually(() => read(enrolled))).body.equals(pdf())).toBe(true);
    expect((await suite.media.GetFile({ file_id: attachment.id }, enrolled.auth)).uploaded_by).toBe('');
    expect((await read(owner)).body.length).toBeGreaterThan(0);
    await expectGrpcError(read(suite.otherStudent), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    await expectGrpcError(read(suite.otherInstructor), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
    await expectGrpcError(suite.media.DeleteFile({ file_id: attachment.id }, enrolled.auth), GrpcStatus.PERMISSION_DENIED, 'MEDIA.NOT_FILE_OWNER');
  });

  it('deleting a file publishes file.deleted and removes its bytes (release consumer)', async () => {
    const file = await upload(suite, suite.otherStudent, 'gone.mp4', mp4({ durationSeconds: 3 }));
    const key = (await suite.service.deps.units.read.files.findById(file.id))!.storageKey;
    expect(await suite.storedKeys()).toContain(key);
    await suite.media.DeleteFile({ file_id: file.id }, suite.otherStudent.auth);
    const deleted = await events.waitFor('file.deleted', (d) => d.file_id === file.id);
    expect(deleted.data).toMatchObject({ uploaded_by: suite.otherStudent.userId, deleted_by: suite.otherStudent.userId, file_size: Number(file.file_size) });
    await storageEventually(suite, (keys) => !keys.includes(key));
  });

  it('lists my files by type with paging and skip/limit', async () => {
    const me = await suite.newUser('student', 'lister');
    for (let i = 0; i < 3; i++) await upload(suite, me, `p${i}.png`, png());
    await upload(suite, me, 'd.pdf', pdf());
    const images = await suite.media.ListMyFiles({ file_type: 'image', page: 1, page_size: 2 }, me.auth);
    expect(images).toMatchObject({ total: 3, page: 1, page_size: 2, total_pages: 2 });
    expect(images.files).toHaveLength(2);
    const skipped = await suite.media.ListMyFiles({ use_offset: true, offset: 3, page_size: 10 }, me.auth);
    expect(skipped.total).toBe(4);
    expect(skipped.files).toHaveLength(1);
    await expectGrpcError(suite.media.ListMyFiles({ file_type: 'audio' }, me.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  it('answers BatchGetFileFacts to catalog only', async () => {
    await expectGrpcError(suite.media.BatchGetFileFacts({ file_ids: [] }), GrpcStatus.PERMISSION_DENIED, 'MEDIA.SERVICES_ONLY');
  });
});
