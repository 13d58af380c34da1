import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ChainWalk, TAIL_BYTES, chainFormatOf, jpegAppendedVideoBytes, zipCentralDirectoryAt, zipCentralDirectoryNames } from '../../domain/files/containers';
import {
  allowedExtensionOf,
  appendedVideoWindow,
  checkComplete,
  confirmCompoundFile,
  confirmZipPackage,
  contentTypeOf,
  durationOf,
  typedByExtensionOnly,
} from '../../domain/files/content-check';
import type { AllowedTypes, ContentType } from '../../domain/files/file-types';
import { SNIFF_BYTES, compoundDirectoryAt, needsMoreHead } from '../../domain/files/sniff';
import { MediaErrors } from '../../domain/media.errors';
import { HEAD_BYTES, type InspectionResult } from './inspection';

const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const MAX_EOIS = 100_000;

export interface InspectorOptions {
  originalFilename: string;
  maxBytes: number;
  allowed: AllowedTypes;
}

export type Inspector = Transform & { result(): InspectionResult };

/**
 * A pass-through Transform that inspects what flows through it, with bounded memory (head 64 KiB, tail 64 KiB, and
 * an MP4 `moov` ≤ 8 MiB / Matroska Segment start ≤ 256 KiB for the duration). Each failure is emitted as soon as it
 * is known: the name at the first chunk, the size the moment it passes `maxBytes`, the type once the head is in —
 * the head is held back until then, so nothing of a refused file reaches storage — and completeness at the end.
 * `result()` is valid after 'finish'.
 */
export function createInspector(opts: InspectorOptions): Inspector {
  return new InspectingStream(opts);
}

class InspectingStream extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private readonly nameProblem: Error | null = null;
  private readonly ext: string = '';
  /** The first bytes, held back until the type is known, and kept (≤ HEAD_BYTES) for header checks. */
  private headChunks: Buffer[] = [];
  private head: Buffer = Buffer.alloc(0);
  private type: ContentType | null = null;
  private tailChunks: Buffer[] = [];
  private tailLength = 0;
  private walk: ChainWalk | null = null;
  /** Bytes of a top-level header collected at walk.next (a header may straddle chunks). */
  private pendingHeader: Buffer = Buffer.alloc(0);
  private capture: { start: number; end: number; parts: Buffer[]; filled: number } | null = null;
  private captured: Buffer | null = null;
  /** An old Office file typed by its extension: its directory sector (captured as it passes) confirms it. */
  private confirmCompound = false;
  /** An Office package typed by its extension: its central directory (in the tail) confirms it. */
  private confirmZip = false;
  /**
   * A Motion Photo (JPEG + appended video): where each FF D9 seen ends, to find the image's end once the size is
   * known. Random video bytes hold about one per 64 KiB; the list is capped.
   */
  private eoiEnds: number[] | null = null;
  private lastByte = -1;
  private outcome: InspectionResult | null = null;

  constructor(private readonly opts: InspectorOptions) {
    super();
    try {
      this.ext = allowedExtensionOf(opts.originalFilename, opts.allowed);
    } catch (err) {
      this.nameProblem = err as Error;
    }
  }

  result(): InspectionResult {
    if (!this.outcome) throw new Error('inspector: result() before the stream finished');
    return this.outcome;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      if (this.nameProblem) throw this.nameProblem;
      const start = this.size;
      this.size += chunk.length;
      if (this.size > this.opts.maxBytes) throw MediaErrors.fileTooLarge(this.opts.maxBytes);
      this.hash.update(chunk);
      this.keepTail(chunk);
      if (this.type) {
        this.follow(chunk, start);
        callback(null, chunk);
        return;
      }
      this.headChunks.push(chunk);
      if (this.size >= SNIFF_BYTES) {
        const head = Buffer.concat(this.headChunks);
        if (!needsMoreHead(head)) this.decide(head);
      }
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.nameProblem) throw this.nameProblem;
      if (this.size === 0) throw MediaErrors.emptyFile();
      if (!this.type) this.decide(Buffer.concat(this.headChunks));
      const type = this.type as unknown as ContentType;
      const partialHeader = this.pendingHeader.length > 0;
      const chain = this.walk ? this.walk.finish(this.size, partialHeader) : null;
      const tail = Buffer.concat(this.tailChunks);
      const video = appendedVideoWindow(type, this.head, this.size);
      const imageEndsBeforeVideo = video ? (this.eoiEnds ?? []).some((end) => end > video.start && end <= video.end) : undefined;
      checkComplete(type, { head: this.head, tail, size: this.size, chain, imageEndsBeforeVideo });
      this.finishCapture();
      if (this.confirmCompound) confirmCompoundFile(type, this.ext, this.captured ?? Buffer.alloc(0));
      if (this.confirmZip) this.confirmPackage(type, tail);
      this.outcome = {
        size: this.size,
        sha256: this.hash.digest('hex'),
        type: { kind: type.kind, mime: type.mime, ext: this.ext },
        durationSeconds: durationOf(type, this.head, this.captured),
      };
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  /** Types the content from the head (throws when refused), then lets the held-back head through. */
  private decide(head: Buffer): void {
    const type = contentTypeOf(head, this.ext);
    this.type = type;
    this.head = head.length > HEAD_BYTES ? Buffer.from(head.subarray(0, HEAD_BYTES)) : head;
    const format = chainFormatOf(type.id);
    if (format) this.walk = new ChainWalk(format);
    if (type.id === 'jpeg' && jpegAppendedVideoBytes(head) !== null) this.eoiEnds = [];
    this.confirmZip = (type.id === 'docx' || type.id === 'pptx') && typedByExtensionOnly(head);
    const directory = type.id === 'doc' || type.id === 'ppt' ? compoundDirectoryAt(head) : null;
    if (directory && directory.start + 128 > head.length) {
      this.confirmCompound = true;
      this.capture = { ...directory, parts: [], filled: directory.start };
    }
    this.follow(head, 0);
    this.headChunks = [];
    this.push(head);
  }

  /** From the central directory when the tail holds it (it does but for packages of thousands of parts: then as typed). */
  private confirmPackage(type: ContentType, tail: Buffer): void {
    const tailStart = this.size - tail.length;
    const directory = zipCentralDirectoryAt(tail, this.size);
    if (!directory || directory.start < tailStart) return;
    confirmZipPackage(type, this.ext, zipCentralDirectoryNames(tail.subarray(directory.start - tailStart, directory.end - tailStart)));
  }

  /** Keeps the last TAIL_BYTES: whole chunks, dropping the oldest once the rest suffice. */
  private keepTail(chunk: Buffer): void {
    this.tailChunks.push(chunk);
    this.tailLength += chunk.length;
    while (this.tailChunks.length > 1 && this.tailLength - this.tailChunks[0].length >= TAIL_BYTES) {
      this.tailLength -= (this.tailChunks.shift() as Buffer).length;
    }
    if (this.tailChunks.length === 1 && this.tailLength > TAIL_BYTES * 2) {
      this.tailChunks = [Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES))];
      this.tailLength = TAIL_BYTES;
    }
  }

  /** Walks the top-level headers in this chunk and copies what a duration (or an Office directory) needs. */
  private follow(chunk: Buffer, chunkStart: number): void {
    this.copyCapture(chunk, chunkStart);
    if (this.eoiEnds) this.noteEois(chunk, chunkStart);
    const walk = this.walk;
    if (!walk) return;
    const chunkEnd = chunkStart + chunk.length;
    while (walk.walking) {
      const wanted = walk.next + this.pendingHeader.length;
      if (wanted >= chunkEnd) break;
      const from = wanted - chunkStart;
      const room = walk.format.maxHeaderBytes - this.pendingHeader.length;
      this.pendingHeader = Buffer.concat([this.pendingHeader, chunk.subarray(from, from + room)]);
      const parsed = walk.format.parseHeader(this.pendingHeader);
      if (parsed === 'need-more') {
        if (this.pendingHeader.length >= walk.format.maxHeaderBytes) walk.accept('invalid');
        break;
      }
      this.pendingHeader = Buffer.alloc(0);
      const capture = walk.accept(parsed);
      if (capture && !this.captured && !this.capture) {
        this.capture = { ...capture, parts: [], filled: capture.start };
        this.copyCapture(chunk, chunkStart);
      }
    }
    if (!walk.walking) this.pendingHeader = Buffer.alloc(0);
  }

  private noteEois(chunk: Buffer, chunkStart: number): void {
    const ends = this.eoiEnds as number[];
    if (this.lastByte === 0xff && chunk[0] === 0xd9) ends.push(chunkStart + 1);
    for (let at = chunk.indexOf(JPEG_EOI); at >= 0 && ends.length < MAX_EOIS; at = chunk.indexOf(JPEG_EOI, at + 1)) ends.push(chunkStart + at + 2);
    this.lastByte = chunk.length > 0 ? chunk[chunk.length - 1] : this.lastByte;
  }

  private copyCapture(chunk: Buffer, chunkStart: number): void {
    const capture = this.capture;
    if (!capture) return;
    const from = Math.max(capture.filled, chunkStart);
    const to = Math.min(capture.end, chunkStart + chunk.length);
    if (to > from) {
      capture.parts.push(Buffer.from(chunk.subarray(from - chunkStart, to - chunkStart)));
      capture.filled = to;
    }
    if (capture.filled >= capture.end) this.finishCapture();
  }

  private finishCapture(): void {
    if (!this.capture) return;
    this.captured = Buffer.concat(this.capture.parts);
    this.capture = null;
  }
}
