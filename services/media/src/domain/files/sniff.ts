import type { ContentTypeId } from './file-types';

/**
 * What the first bytes of a file say it is. Pure: the caller passes the head it has (≥ SNIFF_BYTES, or the whole file
 * when it is smaller) and, for ZIP packages, up to ZIP_SNIFF_BYTES while `needsMoreHead` says so.
 */
export type Sniffed =
  /**
   * One of the accepted types. Two entries when the head cannot tell (an old Office file whose directory is past it, an
   * Office package whose telling parts are): the extension picks one, and the inspector confirms it later.
   */
  | { kind: 'type'; types: readonly ContentTypeId[] }
  | { kind: 'executable'; description: string }
  /** Recognised, but not a type the service accepts (a ZIP archive, an MP3…). */
  | { kind: 'other'; description: string }
  | { kind: 'unknown' };

/** Enough for every signature below and the usual place of an old Office file's directory. */
export const SNIFF_BYTES = 4096;
/** A ZIP's first entries are read from its local headers; Office writes [Content_Types].xml and its parts early. */
export const ZIP_SNIFF_BYTES = 64 * 1024;

const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
  const sig = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + sig.length && head.subarray(at, at + sig.length).equals(sig);
};
const fourcc = (head: Buffer, at: number) => (head.length >= at + 4 ? head.toString('latin1', at, at + 4) : '');

export function sniff(head: Buffer): Sniffed {
  const executable = executableKind(head);
  if (executable) return { kind: 'executable', description: executable };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'type', types: ['png'] };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'type', types: ['jpeg'] };
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return { kind: 'type', types: ['gif'] };
  if (startsWith(head, '%PDF-')) return { kind: 'type', types: ['pdf'] };
  if (startsWith(head, 'RIFF')) return riff(head);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return matroska(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundFile(head);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipPackage(head);
  if (fourcc(head, 4) === 'ftyp') return isoMedia(head);
  if (isBareQuickTime(head)) return { kind: 'type', types: ['mov'] };
  return otherKnown(head);
}

/** A ZIP whose Office parts have not shown up yet, with more of the file possibly to come. */
export function needsMoreHead(head: Buffer): boolean {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || head.length >= ZIP_SNIFF_BYTES) return false;
  return officeFlavour(zipEntryNames(head)) === null;
}

function executableKind(head: Buffer): string | null {
  if (startsWith(head, 'MZ')) return 'a Windows executable (MZ/PE)';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux/Unix executable (ELF)';
  const magic = head.length >= 4 ? head.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return 'a macOS executable (Mach-O)';
  // 0xCAFEBABE is a universal Mach-O binary or a Java class: executable code either way.
  if (magic === 0xcafebabe) return 'an executable (Mach-O universal binary or Java class)';
  if (startsWith(head, '#!')) return 'an executable script (#!)';
  return null;
}

function riff(head: Buffer): Sniffed {
  const form = fourcc(head, 8);
  if (form === 'WEBP') return { kind: 'type', types: ['webp'] };
  if (form === 'AVI ') return { kind: 'type', types: ['avi'] };
  if (form === 'WAVE') return { kind: 'other', description: 'WAV audio' };
  return { kind: 'other', description: `a RIFF file of type "${form.trim()}"` };
}

/** EBML header: the DocType element (0x4282) names the format. */
function matroska(head: Buffer): Sniffed {
  const header = readVint(head, 4);
  if (!header) return { kind: 'unknown' };
  const end = Math.min(head.length, header.value === null ? head.length : 4 + header.length + header.value);
  for (let at = 4 + header.length; at < end; ) {
    const id = readElementId(head, at);
    if (!id) break;
    const size = readVint(head, at + id.length);
    if (!size || size.value === null) break;
    const dataAt = at + id.length + size.length;
    if (id.value === 0x4282) {
      const docType = head.toString('latin1', dataAt, Math.min(head.length, dataAt + size.value)).replace(/\0+$/, '');
      if (docType === 'webm') return { kind: 'type', types: ['webm'] };
      if (docType === 'matroska') return { kind: 'type', types: ['mkv'] };
      return { kind: 'other', description: `an EBML file of type "${docType}"` };
    }
    at = dataAt + size.value;
  }
  return { kind: 'other', description: 'an EBML file without a DocType' };
}

const FTYP_MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP',
  'dash', 'msnv', 'mmp4', 'f4v ', 'NDAS', 'XAVC', 'hvc1', 'cmfc', 'MSNV', 'mp71',
]);
const FTYP_AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ']);
const FTYP_IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

function isoMedia(head: Buffer): Sniffed {
  const size = head.readUInt32BE(0);
  const major = fourcc(head, 8);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(head.length, size); at += 4) compatible.push(fourcc(head, at));
  if (major === 'qt  ') return { kind: 'type', types: ['mov'] };
  if (FTYP_AUDIO_BRANDS.has(major)) return { kind: 'other', description: 'MPEG-4 audio' };
  if (FTYP_IMAGE_BRANDS.has(major)) return { kind: 'other', description: 'a HEIF/AVIF image' };
  if (major.startsWith('3g')) return { kind: 'other', description: 'a 3GPP video' };
  if (FTYP_MP4_BRANDS.has(major) || compatible.some((brand) => FTYP_MP4_BRANDS.has(brand))) return { kind: 'type', types: ['mp4'] };
  if (compatible.includes('qt  ')) return { kind: 'type', types: ['mov'] };
  return { kind: 'other', description: `an ISO media file of brand "${major.trim()}"` };
}

/** Old QuickTime files have no ftyp: they start with a movie atom, media data, or padding. */
function isBareQuickTime(head: Buffer): boolean {
  if (head.length < 8 || !['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(fourcc(head, 4))) return false;
  const size = head.readUInt32BE(0);
  return size === 0 || size === 1 || size >= 8;
}

/**
 * Word and PowerPoint 97–2003 files are both OLE2 compound files; which one is told by the directory's stream names
 * ("WordDocument", "PowerPoint Document"). When the directory sector is not in the head, both stay possible: the
 * extension decides for now, and the inspector confirms with `compoundFileKind` once the directory sector has been
 * read (streaming: as it passes; stored objects: one ranged read).
 */
function compoundFile(head: Buffer): Sniffed {
  const at = compoundDirectoryAt(head);
  if (at === null || at.start + 128 > head.length) return { kind: 'type', types: ['doc', 'ppt'] };
  return compoundFileKind(head.subarray(at.start, Math.min(head.length, at.end)));
}

/** Where the first directory sector of a compound file is ([start, end) in the file), from its header. */
export function compoundDirectoryAt(head: Buffer): { start: number; end: number } | null {
  if (head.length < 512) return null;
  const sectorSize = 1 << head.readUInt16LE(30);
  const firstDirectorySector = head.readUInt32LE(48);
  if (sectorSize < 512 || sectorSize > 4096 || firstDirectorySector >= 0xfffffffa) return null;
  const start = (firstDirectorySector + 1) * sectorSize;
  return { start, end: start + sectorSize };
}

/** What a compound file is, from the names in its first directory sector (the root's children are listed there). */
export function compoundFileKind(directory: Buffer): Sniffed {
  const names: string[] = [];
  for (let entry = 0; entry + 128 <= directory.length; entry += 128) {
    const nameBytes = directory.readUInt16LE(entry + 64);
    if (directory[entry + 66] === 0 || nameBytes < 2 || nameBytes > 64) continue;
    names.push(directory.toString('utf16le', entry, entry + nameBytes - 2));
  }
  if (names.includes('WordDocument')) return { kind: 'type', types: ['doc'] };
  if (names.includes('PowerPoint Document')) return { kind: 'type', types: ['ppt'] };
  if (names.includes('Workbook') || names.includes('Book')) return { kind: 'other', description: 'an Excel 97–2003 workbook' };
  if (names.length === 0) return { kind: 'type', types: ['doc', 'ppt'] };
  return { kind: 'other', description: 'an OLE2 compound file that is neither Word nor PowerPoint' };
}

/**
 * The entry names of the local headers in the head. An entry written with a data descriptor (streaming zippers such
 * as Java's ZipOutputStream) has no size in its local header: the walk goes on at the next local header signature.
 */
export function zipEntryNames(head: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at >= 0 && at + 30 <= head.length && head.readUInt32LE(at) === ZIP_LOCAL_HEADER; ) {
    const flags = head.readUInt16LE(at + 6);
    const compressedSize = head.readUInt32LE(at + 18);
    const nameLength = head.readUInt16LE(at + 26);
    const extraLength = head.readUInt16LE(at + 28);
    const dataAt = at + 30 + nameLength + extraLength;
    if (at + 30 + nameLength > head.length) break;
    names.push(head.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 30, at + 30 + nameLength));
    at = flags & 0x0008 || compressedSize === 0xffffffff ? head.indexOf(ZIP_LOCAL_SIGNATURE, dataAt) : dataAt + compressedSize;
  }
  return names;
}

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function officeFlavour(names: string[]): 'docx' | 'pptx' | 'xlsx' | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((name) => name.startsWith('word/'))) return 'docx';
  if (names.some((name) => name.startsWith('ppt/'))) return 'pptx';
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
  return null;
}

/** What a ZIP is, from all its entry names (its central directory). */
export function zipPackageKind(names: string[]): Sniffed {
  const flavour = officeFlavour(names);
  if (flavour === 'docx' || flavour === 'pptx') return { kind: 'type', types: [flavour] };
  if (flavour === 'xlsx') return { kind: 'other', description: 'an Excel workbook (.xlsx)' };
  return { kind: 'other', description: 'a ZIP archive' };
}

const OFFICE_PART = /^(\[Content_Types\]\.xml$|_rels\/|docProps\/|customXml\/|word\/|ppt\/)/;

/**
 * Decided from the head when the Office parts are in it. A package whose head shows Office parts but not enough to
 * tell (a big first part, [Content_Types].xml written last) may be either: the extension decides for now and the
 * inspector confirms from the central directory at the end. A head without any Office part is a plain archive.
 */
function zipPackage(head: Buffer): Sniffed {
  const names = zipEntryNames(head);
  const kind = zipPackageKind(names);
  if (kind.kind === 'type' || officeFlavour(names) === 'xlsx') return kind;
  if (names.some((name) => OFFICE_PART.test(name))) return { kind: 'type', types: ['docx', 'pptx'] };
  return kind;
}

function otherKnown(head: Buffer): Sniffed {
  const known: [number[] | string, string][] = [
    [[0x1f, 0x8b], 'a gzip archive'],
    ['7z\xbc\xaf\x27\x1c', 'a 7-Zip archive'],
    ['Rar!\x1a\x07', 'a RAR archive'],
    ['ID3', 'MP3 audio'],
    ['OggS', 'an Ogg media file'],
    ['fLaC', 'FLAC audio'],
    ['BM', 'a BMP image'],
    ['II*\0', 'a TIFF image'],
    ['MM\0*', 'a TIFF image'],
    ['{\\rtf', 'an RTF document'],
  ];
  for (const [signature, description] of known) if (startsWith(head, signature)) return { kind: 'other', description };
  const text = head.toString('latin1', 0, Math.min(head.length, 512)).trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return { kind: 'other', description: 'an HTML page' };
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { kind: 'other', description: 'an SVG image' };
  return { kind: 'unknown' };
}

// ---------------------------------------------------------------------------------------------------------------------
// EBML variable-length integers (shared with the structure checks)

export interface Vint {
  /** null: all value bits set (an element of unknown size). */
  value: number | null;
  length: number;
}

/** An element size: the length marker is stripped. null when the bytes are not there or not a valid vint. */
export function readVint(buf: Buffer, at: number): Vint | null {
  if (at >= buf.length) return null;
  const first = buf[at];
  if (first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > buf.length) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i];
    allOnes &&= buf[at + i] === 0xff;
  }
  return { value: allOnes ? null : value, length };
}

/** An element ID (1–4 bytes): the length marker is kept, as IDs are written (0x1A45DFA3). */
export function readElementId(buf: Buffer, at: number): { value: number; length: number } | null {
  if (at >= buf.length) return null;
  const length = Math.clz32(buf[at]) - 23;
  if (length < 1 || length > 4 || at + length > buf.length) return null;
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + buf[at + i];
  return { value, length };
}
