import * as files from '../fixtures/files';
import { CONTENT_TYPES, contentTypesNamedBy } from '../../src/domain/files/file-types';
import { needsMoreHead, sniff, zipEntryNames } from '../../src/domain/files/sniff';

describe('sniff', () => {
  test.each([
    ['png', files.png(), ['png']],
    ['jpeg', files.jpeg(), ['jpeg']],
    ['gif', files.gif(), ['gif']],
    ['webp', files.webp(), ['webp']],
    ['pdf', files.pdf(), ['pdf']],
    ['mp4', files.mp4(), ['mp4']],
    ['mov', files.mov(), ['mov']],
    ['webm', files.webm(), ['webm']],
    ['mkv', files.mkv(), ['mkv']],
    ['avi', files.avi(), ['avi']],
    ['doc', files.doc(), ['doc']],
    ['ppt', files.ppt(), ['ppt']],
    ['docx', files.docx(), ['docx']],
    ['pptx', files.pptx(), ['pptx']],
  ])('%s', (_label, bytes, types) => {
    expect(sniff(bytes)).toEqual({ kind: 'type', types });
  });

  test('an old Office file whose directory is not in the head may be either (the extension decides)', () => {
    expect(sniff(files.doc().subarray(0, 600))).toEqual({ kind: 'type', types: ['doc', 'ppt'] });
  });

  test('a QuickTime file without ftyp', () => {
    const bare = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('moov'), Buffer.alloc(8)]);
    expect(sniff(bare)).toEqual({ kind: 'type', types: ['mov'] });
  });

  test.each([
    ['exe', files.exe(), /Windows executable/],
    ['elf', files.elf(), /ELF/],
    ['script', files.script(), /script/],
    ['mach-o', Buffer.from('cffaedfe07000001', 'hex'), /Mach-O/],
  ])('%s is an executable', (_label, bytes, description) => {
    expect(sniff(bytes)).toEqual({ kind: 'executable', description: expect.stringMatching(description) });
  });

  test('recognised but not accepted, and unknown', () => {
    expect(sniff(files.plainZip())).toEqual({ kind: 'other', description: 'a ZIP archive' });
    expect(sniff(Buffer.from('ID3\u0004\u0000'))).toEqual({ kind: 'other', description: 'MP3 audio' });
    expect(sniff(files.text())).toEqual({ kind: 'unknown' });
    expect(sniff(Buffer.alloc(0))).toEqual({ kind: 'unknown' });
  });

  test('a ZIP waits for more head until its Office parts show up (at most 64 KiB)', () => {
    expect(needsMoreHead(files.docx())).toBe(false);
    expect(needsMoreHead(files.plainZip())).toBe(true);
    expect(needsMoreHead(Buffer.concat([files.plainZip(), Buffer.alloc(64 * 1024)]))).toBe(false);
    expect(needsMoreHead(files.png())).toBe(false);
    expect(zipEntryNames(files.docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });
});

describe('file types', () => {
  test('which content an extension may name', () => {
    expect(contentTypesNamedBy('.jpg').map((t) => t.id)).toEqual(['jpeg']);
    expect(contentTypesNamedBy('.jpeg').map((t) => t.id)).toEqual(['jpeg']);
    expect(contentTypesNamedBy('.m4v').map((t) => t.id)).toEqual(['mp4']);
    expect(contentTypesNamedBy('.mov').map((t) => t.id).sort()).toEqual(['mov', 'mp4']);
    expect(contentTypesNamedBy('.exe')).toEqual([]);
    expect(CONTENT_TYPES.docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});
