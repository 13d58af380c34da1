import type { ContentTypeId } from './file-types';
import { readElementId, readVint } from './sniff';

/**
 * The structure of the accepted types, as far as the inspector checks it (pure: buffers in, facts out).
 *
 * Chained formats (MP4/QuickTime boxes, RIFF chunks, EBML elements) are walked at the top level: each header gives the
 * size of what follows, so the walk needs only the headers — a box running past the end means the file was cut short.
 * The others are checked at their end (PNG IEND, JPEG EOI, GIF trailer, PDF %%EOF, ZIP end record, CFB sectors).
 */

/** A top-level header: `totalBytes` covers header + content (+ RIFF pad byte); null = "runs to the end of the file". */
export interface ChainHeader {
  type: string;
  headerBytes: number;
  totalBytes: number | null;
  /** RIFF: the size is odd and a pad byte follows (a writer may leave it out at the very end). */
  padded?: boolean;
}

export type HeaderParse = ChainHeader | 'need-more' | 'invalid';

export interface ChainFormat {
  /** Bytes that always suffice to parse a header. */
  maxHeaderBytes: number;
  parseHeader(buf: Buffer): HeaderParse;
  /** How many content bytes of this top-level element the duration reader needs (0: none). */
  captureBytes(header: ChainHeader): number;
}

export const MOOV_CAPTURE_BYTES = 8 * 1024 * 1024;
export const SEGMENT_CAPTURE_BYTES = 256 * 1024;

const isoBoxes: ChainFormat = {
  maxHeaderBytes: 16,
  parseHeader(buf) {
    if (buf.length < 8) return 'need-more';
    const size = buf.readUInt32BE(0);
    const type = buf.toString('latin1', 4, 8);
    if (size === 0) return { type, headerBytes: 8, totalBytes: null };
    if (size === 1) {
      if (buf.length < 16) return 'need-more';
      const large = Number(buf.readBigUInt64BE(8));
      return large < 16 ? 'invalid' : { type, headerBytes: 16, totalBytes: large };
    }
    return size < 8 ? 'invalid' : { type, headerBytes: 8, totalBytes: size };
  },
  captureBytes: (header) => (header.type === 'moov' ? MOOV_CAPTURE_BYTES : 0),
};

const riffChunks: ChainFormat = {
  maxHeaderBytes: 8,
  parseHeader(buf) {
    if (buf.length < 8) return 'need-more';
    const size = buf.readUInt32LE(4);
    return { type: buf.toString('latin1', 0, 4), headerBytes: 8, totalBytes: 8 + size + (size & 1), padded: (size & 1) === 1 };
  },
  captureBytes: () => 0,
};

const ebmlElements: ChainFormat = {
  maxHeaderBytes: 12,
  parseHeader(buf) {
    const id = readElementId(buf, 0);
    if (!id) return buf.length >= 4 || (buf.length > 0 && buf[0] === 0) ? 'invalid' : 'need-more';
    const size = readVint(buf, id.length);
    if (!size) return buf.length >= id.length + 8 || buf[id.length] === 0 ? 'invalid' : 'need-more';
    const headerBytes = id.length + size.length;
    return { type: id.value.toString(16), headerBytes, totalBytes: size.value === null ? null : headerBytes + size.value };
  },
  captureBytes: (header) => (header.type === EBML_SEGMENT.toString(16) ? SEGMENT_CAPTURE_BYTES : 0),
};

/** The chain format of a content type, or null for the types checked at their end. */
export function chainFormatOf(type: ContentTypeId): ChainFormat | null {
  switch (type) {
    case 'mp4':
    case 'mov':
      return isoBoxes;
    case 'avi':
    case 'webp':
      return riffChunks;
    case 'webm':
    case 'mkv':
      return ebmlElements;
    default:
      return null;
  }
}

/** What a walk found once the file's size is known. */
export type ChainEnd = 'complete' | 'truncated' | 'damaged';

/**
 * The top-level walk as a state machine, fed with headers in file order by a driver (streaming or ranged reads).
 * `next` is where the next header starts.
 */
export class ChainWalk {
  next = 0;
  private toEnd = false;
  private damaged = false;
  private lastPadded = false;
  headers = 0;

  constructor(readonly format: ChainFormat) {}

  get walking(): boolean {
    return !this.toEnd && !this.damaged;
  }

  /** A header parsed at `next`; returns the capture wanted: [start, end) of content bytes, or null. */
  accept(parsed: HeaderParse): { start: number; end: number } | null {
    if (parsed === 'need-more') throw new Error('ChainWalk.accept: a driver passes complete headers only');
    if (parsed === 'invalid') {
      this.damaged = true;
      return null;
    }
    this.headers += 1;
    const start = this.next + parsed.headerBytes;
    const capture = this.format.captureBytes(parsed);
    if (parsed.totalBytes === null) this.toEnd = true;
    else this.next += parsed.totalBytes;
    this.lastPadded = parsed.padded === true;
    if (capture === 0) return null;
    return { start, end: parsed.totalBytes === null ? start + capture : Math.min(this.next, start + capture) };
  }

  /** `partialHeader`: bytes were left at the end that do not make a whole header. */
  finish(fileSize: number, partialHeader: boolean): ChainEnd {
    if (this.damaged) return 'damaged';
    if (this.toEnd) return 'complete';
    if (partialHeader || this.next > fileSize) return this.lastPadded && this.next === fileSize + 1 && !partialHeader ? 'complete' : 'truncated';
    return this.next === fileSize ? 'complete' : 'truncated';
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// End checks (the tail is the file's last bytes: at least TAIL_BYTES of them, or the whole file when smaller)

export const TAIL_BYTES = 64 * 1024 + 22;

const IEND_CHUNK = Buffer.from('0000000049454e44ae426082', 'hex');

/** true: the end is there; false: cut short. Chain formats and CFB are judged elsewhere (always true here). */
export function endLooksComplete(type: ContentTypeId, tail: Buffer): boolean {
  switch (type) {
    case 'png':
      return tail.includes(IEND_CHUNK);
    case 'jpeg': {
      let end = tail.length;
      while (end > 0 && tail[end - 1] === 0) end -= 1; // zero padding after EOI
      // Samsung phones append their own "SEF" trailer (it ends with "SEFT") after the image.
      return (end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9) || tail.subarray(tail.length - 4).toString('latin1') === 'SEFT';
    }
    case 'gif':
      return tail.length > 0 && tail[tail.length - 1] === 0x3b;
    case 'pdf':
      return tail.subarray(Math.max(0, tail.length - 1024)).includes('%%EOF', 0, 'latin1');
    case 'docx':
    case 'pptx':
      return zipEndRecordAt(tail) >= 0;
    default:
      return true;
  }
}

/** How far before an appended Motion Photo video the image's EOI may end (its declared padding). */
export const MOTION_PHOTO_SLACK = 4096;

/**
 * Motion Photos (Google's, and Samsung's newer ones) are a JPEG with an MP4 appended, whose length the XMP in the head
 * declares (`GCamera:MicroVideoOffset`, or the `Container:Item` of semantic MotionPhoto). Such a file does not end
 * with EOI; the image is whole when an EOI (FF D9, which cannot occur inside the image's entropy-coded data) ends in
 * the MOTION_PHOTO_SLACK bytes before the video. Returns the video's length, or null.
 */
export function jpegAppendedVideoBytes(head: Buffer): number | null {
  const xmp = head.toString('latin1');
  const microVideo = /GCamera:MicroVideoOffset(?:="|>)(\d+)/.exec(xmp);
  if (microVideo) return Number(microVideo[1]) || null;
  for (const item of xmp.match(/<Container:Item\b[^>]*>/g) ?? []) {
    if (!/Item:Semantic="MotionPhoto"/.test(item)) continue;
    const length = /Item:Length="(\d+)"/.exec(item);
    return length ? Number(length[1]) || null : null;
  }
  return null;
}

/** Where the ZIP end-of-central-directory record starts in the tail (its comment reaching exactly the end), or -1. */
export function zipEndRecordAt(tail: Buffer): number {
  for (let at = tail.length - 22; at >= 0 && at >= tail.length - TAIL_BYTES; at -= 1) {
    if (tail.readUInt32LE(at) === 0x06054b50 && at + 22 + tail.readUInt16LE(at + 20) === tail.length) return at;
  }
  return -1;
}

/** Where a ZIP's central directory is ([start, end) in the file), from the end record in the tail; null for ZIP64. */
export function zipCentralDirectoryAt(tail: Buffer, fileSize: number): { start: number; end: number } | null {
  const record = zipEndRecordAt(tail);
  if (record < 0) return null;
  const size = tail.readUInt32LE(record + 12);
  const start = tail.readUInt32LE(record + 16);
  if (size === 0xffffffff || start === 0xffffffff || start + size > fileSize) return null;
  return { start, end: start + size };
}

/** The entry names of a central directory. */
export function zipCentralDirectoryNames(directory: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === 0x02014b50; ) {
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.push(directory.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, Math.min(directory.length, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * An OLE2 compound file is whole sectors, and the sectors its header names (FAT sectors, first directory sector)
 * must be inside the file. A cut at a sector boundary past those is not seen (a documented limit).
 */
export function compoundFileComplete(head: Buffer, fileSize: number): boolean {
  if (head.length < 512) return false;
  const sectorSize = 1 << head.readUInt16LE(30);
  if (sectorSize < 512 || sectorSize > 4096 || fileSize % sectorSize !== 0) return false;
  const sectors = fileSize / sectorSize - 1; // the header takes the first sector's place
  const named = [head.readUInt32LE(48)];
  for (let i = 0; i < 109; i++) named.push(head.readUInt32LE(76 + i * 4));
  return named.every((sector) => sector >= 0xfffffffa || sector < sectors);
}

// ---------------------------------------------------------------------------------------------------------------------
// Durations (seconds, unrounded; null when not found)

/** From the content of an MP4/QuickTime `moov` box: its `mvhd` (version 0: 32-bit fields; version 1: 64-bit). */
export function mvhdDuration(moovContent: Buffer): number | null {
  for (let at = 0; at + 8 <= moovContent.length; ) {
    const size = moovContent.readUInt32BE(at);
    const type = moovContent.toString('latin1', at + 4, at + 8);
    if (type === 'mvhd') {
      const box = moovContent.subarray(at + 8, at + Math.max(size, 8));
      const version = box[0];
      if (version === 1 && box.length >= 32) return durationOf(Number(box.readBigUInt64BE(24)), box.readUInt32BE(20), 2 ** 64 - 1);
      if (version === 0 && box.length >= 20) return durationOf(box.readUInt32BE(16), box.readUInt32BE(12), 0xffffffff);
      return null;
    }
    if (size < 8) return null;
    at += size;
  }
  return null;
}

function durationOf(duration: number, timescale: number, unknown: number): number | null {
  if (timescale === 0 || duration >= unknown) return null;
  return duration / timescale;
}

const EBML_SEGMENT = 0x18538067;
const EBML_INFO = 0x1549a966;
const EBML_CLUSTER = 0x1f43b675;
const EBML_TIMECODE_SCALE = 0x2ad7b1;
const EBML_DURATION = 0x4489;

/** From the first bytes of a Matroska/WebM Segment's content: Info's Duration × TimecodeScale (default 1 ms). */
export function matroskaDuration(segmentContent: Buffer): number | null {
  for (let at = 0; at < segmentContent.length; ) {
    const id = readElementId(segmentContent, at);
    const size = id && readVint(segmentContent, at + id.length);
    if (!id || !size || size.value === null || id.value === EBML_CLUSTER) return null;
    const dataAt = at + id.length + size.length;
    if (id.value === EBML_INFO) return infoDuration(segmentContent.subarray(dataAt, dataAt + size.value));
    at = dataAt + size.value;
  }
  return null;
}

function infoDuration(info: Buffer): number | null {
  let scale = 1_000_000;
  let duration: number | null = null;
  for (let at = 0; at < info.length; ) {
    const id = readElementId(info, at);
    const size = id && readVint(info, at + id.length);
    if (!id || !size || size.value === null) break;
    const dataAt = at + id.length + size.length;
    const data = info.subarray(dataAt, dataAt + size.value);
    if (id.value === EBML_TIMECODE_SCALE && data.length > 0 && data.length <= 6) scale = data.readUIntBE(0, data.length);
    if (id.value === EBML_DURATION && data.length === size.value) {
      if (size.value === 8) duration = data.readDoubleBE(0);
      else if (size.value === 4) duration = data.readFloatBE(0);
    }
    at = dataAt + size.value;
  }
  return duration === null || !Number.isFinite(duration) || duration < 0 ? null : (duration * scale) / 1e9;
}

/** From an AVI's head: `avih` µs per frame × total frames (OpenDML's `dmlh` total frames when there, >1 GiB files). */
export function aviDuration(head: Buffer): number | null {
  const avih = head.indexOf('avih', 12, 'latin1');
  if (avih < 0 || avih + 8 + 20 > head.length) return null;
  const microsecondsPerFrame = head.readUInt32LE(avih + 8);
  let frames = head.readUInt32LE(avih + 8 + 16);
  const dmlh = head.indexOf('dmlh', 12, 'latin1');
  if (dmlh >= 0 && dmlh + 12 <= head.length && head.readUInt32LE(dmlh + 8) > 0) frames = head.readUInt32LE(dmlh + 8);
  if (microsecondsPerFrame === 0 || frames === 0) return null;
  return (microsecondsPerFrame * frames) / 1e6;
}

/** Whole seconds, as stored; null for unknown or nonsensical values. */
export function roundDuration(seconds: number | null): number | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  return Math.round(seconds);
}
