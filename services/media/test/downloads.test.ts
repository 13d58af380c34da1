import { readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ifRangeAllows, noneMatchSatisfied } from '../src/domain/byte-range';
import { prepareDownload, type DownloadInput } from '../src/app/files/download-file';
import { pdf, png } from './fixtures/files';
import { download, eventually, expectGrpcError, GrpcStatus, PROVIDERS, startMediaSuite, upload, type MediaSuite, type User } from './support';

const MiB = 1024 * 1024;

describe('download validators (pure, RFC 9110)', () => {
  it('If-None-Match: weak comparison, lists and *', () => {
    const etag = '"f1"';
    expect(noneMatchSatisfied('"f1"', etag)).toBe(true);
    expect(noneMatchSatisfied('W/"f1"', etag)).toBe(true);
    expect(noneMatchSatisfied('"x", W/"y", "f1"', etag)).toBe(true);
    expect(noneMatchSatisfied('*', etag)).toBe(true);
    expect(noneMatchSatisfied('"f2"', etag)).toBe(false);
    expect(noneMatchSatisfied('"f1', etag)).toBe(false);
    expect(noneMatchSatisfied('', etag)).toBe(false);
  });

  it('If-Range: only an equal strong tag keeps the range', () => {
    expect(ifRangeAllows('', '"f1"')).toBe(true);
    expect(ifRangeAllows('"f1"', '"f1"')).toBe(true);
    expect(ifRangeAllows('"f2"', '"f1"')).toBe(false);
    expect(ifRangeAllows('W/"f1"', '"f1"')).toBe(false);
    expect(ifRangeAllows('Fri, 04 Dec 2026 10:00:00 GMT', '"f1"')).toBe(false);
  });
});

describe.each(PROVIDERS)('media downloads on %s storage: HEAD, validators, counting', (provider) => {
  let suite: MediaSuite;
  /** Every object the service opened from storage during a test (to prove HEAD / 304 open nothing, and closes). */
  const opened: Readable[] = [];

  beforeAll(async () => {
    suite = await startMediaSuite('downloads', provider);
    const storage = suite.service.deps.storage;
    const get = storage.get.bind(storage);
    storage.get = async (key, range) => {
      const stream = await get(key, range);
      if (stream) opened.push(stream);
      return stream;
    };
  }, 120_000);
  afterAll(async () => {
    await suite?.close();
  });
  beforeEach(() => {
    opened.length = 0;
  });

  const countOf = async (fileId: string) => Number((await suite.media.GetFile({ file_id: fileId }, suite.student.auth)).download_count);
  const ask = (user: User | undefined, fileId: string, over: Partial<Parameters<MediaSuite['media']['Download']>[0]> = {}) =>
    download(suite, user, { file_id: fileId, ...over });

  it('HEAD answers the head a GET gets, with no bytes, nothing opened and nothing counted; a GET counts once', async () => {
    const bytes = pdf({ text: 'h'.repeat(3000) });
    const file = await upload(suite, suite.student, 'head.pdf', bytes);
    const head = await ask(suite.student, file.id, { head_only: true });
    expect(head.body.length).toBe(0);
    expect(opened).toHaveLength(0);
    expect(await countOf(file.id)).toBe(0);

    const got = await ask(suite.student, file.id);
    expect(got.body.equals(bytes)).toBe(true);
    expect(head.head).toEqual(got.head);
    expect(head.head).toMatchObject({ content_length: String(bytes.length), etag: `"${file.id}"`, partial: false, not_modified: false });
    expect(await countOf(file.id)).toBe(1);

    const ranged = await ask(suite.student, file.id, { head_only: true, has_range: true, range_start: 10, range_end: 19 });
    expect(ranged.head).toMatchObject({ partial: true, range_start: '10', range_end: '19', content_length: '10' });
    await expectGrpcError(ask(suite.student, file.id, { head_only: true, has_range: true, range_start: bytes.length, range_end: -1 }), GrpcStatus.INVALID_ARGUMENT, 'MEDIA.RANGE_NOT_SATISFIABLE');
    expect(opened).toHaveLength(1); // the GET's only
    expect(await countOf(file.id)).toBe(1);
  });

  it('If-None-Match: * and a list holding the ETag answer not_modified (no chunks, not counted); another tag gets the bytes', async () => {
    const bytes = png();
    const file = await upload(suite, suite.student, 'cached.png', bytes);
    const etag = `"${file.id}"`;
    for (const ifNoneMatch of ['*', etag, `"other", W/${etag}`, `W/"x", ${etag}`]) {
      for (const headOnly of [false, true]) {
        const got = await ask(suite.student, file.id, { if_none_match: ifNoneMatch, head_only: headOnly });
        expect(got.head).toMatchObject({ not_modified: true, etag });
        expect(got.body.length).toBe(0);
      }
    }
    // Preconditions come before the range (RFC 9110 §13.2.2): even an unsatisfiable one is 304.
    expect((await ask(suite.student, file.id, { if_none_match: etag, has_range: true, range_start: bytes.length + 5, range_end: -1 })).head?.not_modified).toBe(true);
    expect(opened).toHaveLength(0);
    expect(await countOf(file.id)).toBe(0);

    const stale = await ask(suite.student, file.id, { if_none_match: '"other", W/"another"' });
    expect(stale.head?.not_modified).toBe(false);
    expect(stale.body.equals(bytes)).toBe(true);
    expect(await countOf(file.id)).toBe(1);
  });

  it('If-Range: another tag gets the whole file (counted), the current one the range (from byte 10: not counted)', async () => {
    const bytes = pdf({ text: 'r'.repeat(3000) });
    const file = await upload(suite, suite.student, 'ranged.pdf', bytes);
    const range = { has_range: true, range_start: 10, range_end: 99 };
    const stale = await ask(suite.student, file.id, { ...range, if_range: '"old"' });
    expect(stale.head).toMatchObject({ partial: false, content_length: String(bytes.length) });
    expect(stale.body.equals(bytes)).toBe(true);
    const dated = await ask(suite.student, file.id, { ...range, if_range: 'Fri, 04 Dec 2026 10:00:00 GMT' });
    expect(dated.head?.partial).toBe(false);
    const fresh = await ask(suite.student, file.id, { ...range, if_range: `"${file.id}"` });
    expect(fresh.head).toMatchObject({ partial: true, range_start: '10', range_end: '99' });
    expect(fresh.body.equals(bytes.subarray(10, 100))).toBe(true);
    expect(await countOf(file.id)).toBe(2);
    await ask(suite.student, file.id, { has_range: true, range_start: 0, range_end: 0 });
    expect(await countOf(file.id)).toBe(3);
  });

  it('checks access before any validator: a private file is NOT_FOUND to anonymous and other users even with * or its ETag', async () => {
    const file = await upload(suite, suite.student, 'private.png', png());
    for (const user of [undefined, suite.otherStudent]) {
      for (const over of [{ if_none_match: '*' }, { if_none_match: `"${file.id}"` }, { head_only: true }]) {
        await expectGrpcError(ask(user, file.id, over), GrpcStatus.NOT_FOUND, 'MEDIA.FILE_NOT_FOUND');
      }
    }
    const open = await upload(suite, suite.student, 'public.png', png(), { is_public: true });
    expect((await ask(undefined, open.id, { if_none_match: '*' })).head?.not_modified).toBe(true);
  });

  if (provider === 'local') {
    it('closes the object when the reader leaves mid-download (no file descriptor left open on it)', async () => {
      const bytes = pdf({ text: 'd'.repeat(4 * MiB) });
      const file = await upload(suite, suite.student, 'leave.pdf', bytes);
      const stored = path.join(suite.config.UPLOAD_DIR, (await suite.storedKeys()).find((k) => k.endsWith(file.filename))!);
      const openOnIt = async () => {
        const links = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
        return links.filter((l) => l === stored).length;
      };
      let chunks = 0;
      for await (const message of suite.media.Download({ file_id: file.id }, suite.student.auth)) {
        if (message.chunk) chunks += 1;
        if (chunks === 2) {
          expect(await openOnIt()).toBe(1);
          break; // cancels the call
        }
      }
      await eventually(async () => {
        expect(opened.at(-1)?.destroyed).toBe(true);
        expect(await openOnIt()).toBe(0);
      });
      expect(await countOf(file.id)).toBe(1); // it started at byte 0 and sent bytes
    });
  }

  if (provider === 's3') {
    it('redirect mode: a match is not_modified and HEAD a head (no presigned URL, not counted); a GET from 0 is a counted redirect', async () => {
      const file = await upload(suite, suite.student, 'redirect.png', png());
      const storage = suite.service.deps.storage;
      const presigned: string[] = [];
      const deps = {
        ...suite.service.deps,
        config: { ...suite.service.deps.config, S3_DOWNLOAD_MODE: 'redirect' as const },
        storage: Object.assign(Object.create(storage) as typeof storage, {
          presignGet: async (...args: Parameters<typeof storage.presignGet>) => {
            presigned.push(args[0]);
            return storage.presignGet(...args);
          },
        }),
      };
      const caller = { userId: suite.student.userId, role: 'student' } as never;
      const input = (over: Partial<DownloadInput>): DownloadInput => ({ fileId: file.id, range: { hasRange: false, start: 0, end: -1, suffixLength: 0 }, inline: false, ...over });
      expect((await prepareDownload(deps, caller, input({ ifNoneMatch: '*' }))).kind).toBe('not_modified');
      expect((await prepareDownload(deps, caller, input({ headOnly: true }))).kind).toBe('head');
      expect(presigned).toHaveLength(0);
      expect(await countOf(file.id)).toBe(0);
      expect((await prepareDownload(deps, caller, input({}))).kind).toBe('redirect');
      expect(presigned).toHaveLength(1);
      expect(await countOf(file.id)).toBe(1);
    });
  }
});
