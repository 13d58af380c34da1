import { Readable } from 'node:stream';
import * as files from '../fixtures/files';
import { createInspector } from '../../src/app/inspect';
import { DEFAULT_ALLOWED, codeOf, inspectAsStored, inspectStreamed } from './inspect-support';

const every = files.everyAllowedType();

describe('every allowed type is recognised from its content', () => {
  test.each(every.map((f) => [f.filename, f] as const))('%s (streamed)', async (_name, fixture) => {
    const { result, passed } = await inspectStreamed(fixture.filename, fixture.bytes);
    expect(result).toEqual({
      size: fixture.bytes.length,
      sha256: await files.sha256Of(fixture.bytes),
      type: { kind: fixture.kind, mime: fixture.mime, ext: fixture.filename.slice(fixture.filename.lastIndexOf('.')) },
      durationSeconds: fixture.durationSeconds,
    });
    expect(passed.equals(fixture.bytes)).toBe(true);
  });

  test.each(every.map((f) => [f.filename, f] as const))('%s (stored, ranged reads)', async (_name, fixture) => {
    const { result } = await inspectAsStored(fixture.filename, fixture.bytes);
    expect(result).toMatchObject({ size: fixture.bytes.length, sha256: null, type: { kind: fixture.kind, mime: fixture.mime }, durationSeconds: fixture.durationSeconds });
  });

  test('one byte at a time gives the same answer (headers straddling chunks)', async () => {
    for (const fixture of [every[0], every[3], every[5]]) {
      const { result } = await inspectStreamed(fixture.filename, fixture.bytes, { chunkBytes: 1 });
      expect(result.durationSeconds).toBe(fixture.durationSeconds);
    }
  });
});

describe('durations', () => {
  test.each([
    ['mp4 mvhd v0', files.mp4({ durationSeconds: 125 }), 'a.mp4', 125],
    ['mp4 mvhd v1 (64-bit)', files.mp4({ durationSeconds: 7200.4, mvhdVersion: 1 }), 'a.mp4', 7200],
    ['mp4 moov at the end', files.mp4({ durationSeconds: 42, moovAtEnd: true, mdatBytes: 300_000 }), 'a.mp4', 42],
    ['mp4 whose last box runs to the end (size 0)', files.mp4({ durationSeconds: 5, mdatSizeZero: true }), 'a.mp4', 5],
    ['mov', files.mov({ durationSeconds: 61.6 }), 'a.mov', 62],
    ['webm with an unknown-size Segment', files.webm({ durationSeconds: 33, unknownSegmentSize: true }), 'a.webm', 33],
    ['mkv', files.mkv({ durationSeconds: 3600 }), 'a.mkv', 3600],
    ['avi', files.avi({ durationSeconds: 90, framesPerSecond: 30 }), 'a.avi', 90],
  ] as const)('%s', async (_label, bytes, name, seconds) => {
    expect((await inspectStreamed(name, bytes)).result.durationSeconds).toBe(seconds);
    expect((await inspectAsStored(name, bytes)).result.durationSeconds).toBe(seconds);
  });

  test('a webm named .mkv and an mp4 named .mov are accepted with their own MIME type', async () => {
    expect((await inspectStreamed('a.mkv', files.webm())).result.type).toEqual({ kind: 'video', mime: 'video/webm', ext: '.mkv' });
    expect((await inspectStreamed('a.mov', files.mp4())).result.type).toEqual({ kind: 'video', mime: 'video/mp4', ext: '.mov' });
  });
});

describe('renamed files are refused', () => {
  test.each([
    ['an executable named .png', files.exe(), 'holiday.png', 'MEDIA.CONTENT_MISMATCH', /Windows executable.*\.png/],
    ['an ELF named .pdf', files.elf(), 'notes.pdf', 'MEDIA.CONTENT_MISMATCH', /executable \(ELF\).*\.pdf/],
    ['a script named .jpg', files.script(), 'me.jpg', 'MEDIA.CONTENT_MISMATCH', /executable script/],
    ['a PNG named .pdf', files.png(), 'notes.pdf', 'MEDIA.CONTENT_MISMATCH', /^The file's content is PNG image data, but its name says \.pdf$/],
    ['a .docx named .pptx', files.docx(), 'slides.pptx', 'MEDIA.CONTENT_MISMATCH', /Word document \(\.docx\), but its name says \.pptx/],
    ['a plain ZIP named .docx', files.plainZip(), 'notes.docx', 'MEDIA.CONTENT_MISMATCH', /ZIP archive, but its name says \.docx/],
    ['a Word 97 file named .ppt', files.doc(), 'slides.ppt', 'MEDIA.CONTENT_MISMATCH', /Word 97–2003 document, but its name says \.ppt/],
    ['an MP4 named .webm', files.mp4(), 'talk.webm', 'MEDIA.CONTENT_MISMATCH', /MP4 video, but its name says \.webm/],
    ['plain text named .pdf', files.text(), 'notes.pdf', 'MEDIA.CONTENT_MISMATCH', /not a recognised video, document or image/],
    ['three bytes', Buffer.from('%PD'), 'notes.pdf', 'MEDIA.CONTENT_MISMATCH', /not a recognised/],
    ['an executable named .exe', files.exe(), 'setup.exe', 'MEDIA.UNSUPPORTED_TYPE', /^File type not allowed: \.exe$/],
    ['a PNG named .exe', files.png(), 'pic.exe', 'MEDIA.UNSUPPORTED_TYPE', /\.exe/],
    ['a name without extension', files.png(), 'README', 'MEDIA.UNSUPPORTED_TYPE', /no extension/],
    ['a right-to-left override hiding .exe', files.exe(), 'a\u202Egnp.exe', 'MEDIA.UNSUPPORTED_TYPE', /\.exe/],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 'MEDIA.EMPTY_FILE', /empty/],
  ] as const)('%s', async (_label, bytes, name, code, detail) => {
    const streamed = await codeOf(inspectStreamed(name, bytes));
    expect(streamed).toEqual({ code, message: expect.stringMatching(detail) });
    expect(await codeOf(inspectAsStored(name, bytes))).toEqual(streamed);
  });
});

describe('truncated files are refused', () => {
  test.each(every.map((f) => [f.filename, f] as const))('%s cut short', async (_name, fixture) => {
    const cut = files.truncated(fixture.bytes);
    const name = fixture.kind === 'image' ? fixture.filename : fixture.filename;
    const streamed = await codeOf(inspectStreamed(name, cut));
    expect(streamed.code).toBe('MEDIA.TRUNCATED_FILE');
    expect(streamed.message).toMatch(/^The .+ file is incomplete \(truncated\)$/);
    expect((await codeOf(inspectAsStored(name, cut))).code).toBe('MEDIA.TRUNCATED_FILE');
  });

  test('the PNG wording', async () => {
    expect((await codeOf(inspectStreamed('a.png', files.truncated(files.png())))).message).toBe('The PNG file is incomplete (truncated)');
  });

  test('a file cut inside a box header, and an mp4 missing only its last byte', async () => {
    const mp4 = files.mp4({ moovAtEnd: true });
    for (const cut of [mp4.length - 1, mp4.length - 100, 30]) {
      expect((await codeOf(inspectStreamed('a.mp4', mp4.subarray(0, cut)))).code).toBe('MEDIA.TRUNCATED_FILE');
      expect((await codeOf(inspectAsStored('a.mp4', mp4.subarray(0, cut)))).code).toBe('MEDIA.TRUNCATED_FILE');
    }
  });

  test('a JPEG with zero padding after its end marker is whole', async () => {
    expect((await inspectStreamed('a.jpg', files.jpeg({ trailingZeros: 300 }))).result.type.mime).toBe('image/jpeg');
  });

  test.each([
    ['a Motion Photo (GCamera:MicroVideoOffset)', files.jpeg({ motionPhotoVideoBytes: 300_000 })],
    ['a Motion Photo (Container directory)', files.jpeg({ motionPhotoVideoBytes: 300_000, motionPhotoXmp: 'container' })],
    ["Samsung's trailer", files.jpeg({ samsungTrailer: true })],
  ])('a JPEG with %s after the image is whole; cut short it is not', async (_label, bytes) => {
    expect((await inspectStreamed('a.jpg', bytes, { chunkBytes: 4099 })).result.type.mime).toBe('image/jpeg');
    expect((await inspectAsStored('a.jpg', bytes)).result.type.mime).toBe('image/jpeg');
    const cut = bytes.subarray(0, bytes.length - 100);
    expect((await codeOf(inspectStreamed('a.jpg', cut))).code).toBe('MEDIA.TRUNCATED_FILE');
    expect((await codeOf(inspectAsStored('a.jpg', cut))).code).toBe('MEDIA.TRUNCATED_FILE');
  });
});

describe('old Office files whose directory is past the head', () => {
  const bigDoc = files.doc({ streamSectors: 1000, directoryAtEnd: true });
  const bigPpt = files.ppt({ streamSectors: 1000, directoryAtEnd: true });

  test('a Word file is confirmed from its directory sector (streamed as it passes; stored with one more read)', async () => {
    expect(bigDoc.length).toBeGreaterThan(500 * 1024);
    expect((await inspectStreamed('notes.doc', bigDoc)).result.type.mime).toBe('application/msword');
    const stored = await inspectAsStored('notes.doc', bigDoc);
    expect(stored.result.type.mime).toBe('application/msword');
    expect(stored.bytesRead).toBeLessThan(3 * 64 * 1024 + 1024); // head, tail, the directory's block
  });

  test('a presentation named .doc is refused once its directory is read', async () => {
    const streamed = await codeOf(inspectStreamed('notes.doc', bigPpt));
    expect(streamed).toEqual({ code: 'MEDIA.CONTENT_MISMATCH', message: "The file's content is a PowerPoint 97–2003 presentation, but its name says .doc" });
    expect(await codeOf(inspectAsStored('notes.doc', bigPpt))).toEqual(streamed);
    expect((await inspectStreamed('slides.ppt', bigPpt)).result.type.mime).toBe('application/vnd.ms-powerpoint');
  });

  test('cut before its directory: truncated', async () => {
    const cut = bigDoc.subarray(0, bigDoc.length - 512);
    expect((await codeOf(inspectStreamed('notes.doc', cut))).code).toBe('MEDIA.TRUNCATED_FILE');
    expect((await codeOf(inspectAsStored('notes.doc', cut))).code).toBe('MEDIA.TRUNCATED_FILE');
  });
});

describe('Office packages whose head cannot tell', () => {
  const big = { bigFirstPartBytes: 100 * 1024, contentTypesLast: true };

  test.each([
    ['a big part first, [Content_Types].xml last', files.docx(big)],
    ['data descriptors (streaming zippers)', files.docx({ dataDescriptors: true })],
    ['data descriptors and a big part first', files.docx({ ...big, dataDescriptors: true })],
  ])('a .docx with %s is confirmed from its central directory', async (_label, bytes) => {
    expect((await inspectStreamed('notes.docx', bytes)).result.type.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await inspectAsStored('notes.docx', bytes)).result.type.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  test('a presentation named .docx is refused at the end', async () => {
    const bytes = files.pptx(big);
    const streamed = await codeOf(inspectStreamed('notes.docx', bytes));
    expect(streamed).toEqual({ code: 'MEDIA.CONTENT_MISMATCH', message: "The file's content is a PowerPoint presentation (.pptx), but its name says .docx" });
    expect(await codeOf(inspectAsStored('notes.docx', bytes))).toEqual(streamed);
  });

  test('a plain ZIP with a big first entry is refused from its head', async () => {
    const bytes = files.plainZip({ bigFirstEntryBytes: 200 * 1024 });
    expect(await codeOf(inspectStreamed('notes.docx', bytes))).toEqual({
      code: 'MEDIA.CONTENT_MISMATCH',
      message: "The file's content is a ZIP archive, but its name says .docx",
    });
  });
});

describe('the inspector fails early', () => {
  /** Feeds `total` bytes starting with `head` in 1 KiB chunks; counts what the inspector consumed before it failed. */
  async function consumedBeforeError(name: string, head: Buffer, total: number, maxBytes = 100 * 1024 * 1024) {
    let offered = 0;
    function* source() {
      yield head;
      offered += head.length;
      for (let sent = head.length; sent < total; sent += 1024) {
        offered += 1024;
        yield Buffer.alloc(1024, 0x41);
      }
    }
    const inspector = createInspector({ originalFilename: name, maxBytes, allowed: DEFAULT_ALLOWED });
    const failure = await new Promise<{ code?: string }>((resolve, reject) => {
      inspector.on('error', resolve);
      inspector.on('finish', () => reject(new Error('the inspector accepted the file')));
      inspector.resume();
      Readable.from(source(), { objectMode: false }).pipe(inspector);
    });
    return { code: failure.code, offered };
  }

  test('an executable is refused within the sniffing window, not after 10 MB', async () => {
    const { code, offered } = await consumedBeforeError('cat.png', files.exe(), 10 * 1024 * 1024);
    expect(code).toBe('MEDIA.CONTENT_MISMATCH');
    expect(offered).toBeLessThanOrEqual(64 * 1024);
  });

  test('a disallowed name is refused at the first chunk', async () => {
    const { code, offered } = await consumedBeforeError('setup.exe', files.exe(), 10 * 1024 * 1024);
    expect(code).toBe('MEDIA.UNSUPPORTED_TYPE');
    expect(offered).toBeLessThanOrEqual(64 * 1024);
  });

  test('too large fails as soon as the limit is passed', async () => {
    const limit = 1024 * 1024;
    const { code, offered } = await consumedBeforeError('big.mp4', files.mp4(), 50 * 1024 * 1024, limit);
    expect(code).toBe('MEDIA.FILE_TOO_LARGE');
    expect(offered).toBeLessThanOrEqual(limit + 64 * 1024);
  });

  test('nothing of a refused file is let through (the head is held back until typed)', async () => {
    const inspector = createInspector({ originalFilename: 'a.png', maxBytes: 1e9, allowed: DEFAULT_ALLOWED });
    let through = 0;
    inspector.on('data', (chunk: Buffer) => (through += chunk.length));
    const failed = new Promise((resolve) => inspector.on('error', resolve));
    inspector.write(files.exe().subarray(0, 100));
    inspector.write(Buffer.alloc(8000));
    await failed;
    expect(through).toBe(0);
  });
});

describe('big files', () => {
  test('a 20 MB streamed MP4: result, hash and bounded reads of the stored copy', async () => {
    const total = 20 * 1024 * 1024;
    const { result } = await inspectStreamed('big.mp4', files.bigMp4Chunks(total, { durationSeconds: 600 }));
    expect(result).toMatchObject({ size: total, sha256: await files.sha256Of(files.bigMp4(total)), durationSeconds: 600 });
  });

  test('a stored object is inspected from its head, tail and box headers only', async () => {
    const bytes = files.mp4({ durationSeconds: 30, moovAtEnd: true, mdatBytes: 5 * 1024 * 1024 });
    const { result, reads, bytesRead } = await inspectAsStored('a.mp4', bytes);
    expect(result.durationSeconds).toBe(30);
    expect(reads).toBeLessThanOrEqual(6);
    expect(bytesRead).toBeLessThan(300 * 1024);
  });
});
