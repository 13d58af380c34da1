import { contentDisposition } from '../../src/domain/files/content-disposition';
import { MAX_FILENAME_BYTES, extensionOf, sanitiseFilename } from '../../src/domain/files/filename';

describe('sanitiseFilename', () => {
  test.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['C:\\x\\y.pdf', 'y.pdf'],
    ['C:y.pdf', 'y.pdf'],
    ['/var/tmp/report.pdf', 'report.pdf'],
    ['a\u202Egnp.exe', 'agnp.exe'],
    ['\u2066slides\u2069.pptx', 'slides.pptx'],
    ['bad\u0000name.pdf', 'badname.pdf'],
    ['line\r\nbreak\t.pdf', 'linebreak.pdf'],
    ['...hidden.png', 'hidden.png'],
    ['..', 'file'],
    ['', 'file'],
    ['\u0000\u0001', 'file'],
    ['report..final.pdf', 'report.final.pdf'],
    ['evil.exe. . ', 'evil.exe'],
    ['what?<is>"this"|*.pdf', 'what__is__this___.pdf'],
    ['  spaced   out  .pdf', 'spaced out .pdf'],
    ['cafe\u0301.pdf', 'café.pdf'],
    ['محاضرة الأسبوع الأول.pdf', 'محاضرة الأسبوع الأول.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });

  test('a very long Arabic name keeps its extension and fits in 255 bytes of UTF-8', () => {
    const name = `${'تقرير'.repeat(200)}.docx`;
    const clean = sanitiseFilename(name);
    expect(clean.endsWith('.docx')).toBe(true);
    expect(Buffer.byteLength(clean, 'utf8')).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(Buffer.byteLength(clean, 'utf8')).toBeGreaterThan(MAX_FILENAME_BYTES - 4);
    expect(clean).not.toContain('\uFFFD');
  });

  test('long names of 4-byte characters are cut between code points', () => {
    const clean = sanitiseFilename(`${'😀'.repeat(100)}.png`);
    expect(clean.endsWith('.png')).toBe(true);
    expect(Buffer.byteLength(clean, 'utf8')).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(Array.from(clean.slice(0, -4)).every((c) => c === '😀')).toBe(true);
  });
});

describe('extensionOf', () => {
  test.each([
    ['photo.JPG', '.jpg'],
    ['archive.tar.gz', '.gz'],
    ['README', ''],
    ['.bashrc', ''],
    ['trailing.', ''],
    ['evil.exe. ', '.exe'],
    ['dir.d/file', ''],
    ['a.this-is-not-an-extension-at-all', ''],
  ])('%j → %j', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});

describe('contentDisposition', () => {
  test('an ASCII name', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('report.pdf', true)).toBe(`inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  test('an Arabic name: ASCII fallback with _, exact name percent-encoded', () => {
    const header = contentDisposition('محاضرة.pdf');
    expect(header).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('محاضرة')}.pdf`,
    );
    const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('محاضرة.pdf');
  });

  test('quotes, backslashes, RFC 5987 specials and header injection', () => {
    const header = contentDisposition('a "b"\\c\r\nSet-Cookie: x(1)*\'.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="a \\"b\\"\\\\cSet-Cookie: x(1)*'.pdf"; filename*=UTF-8''a%20%22b%22%5CcSet-Cookie%3A%20x%281%29%2A%27.pdf`);
  });
});
