import { ChainWalk, TAIL_BYTES, chainFormatOf, zipCentralDirectoryAt, zipCentralDirectoryNames, type ChainEnd } from '../../domain/files/containers';
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
import type { AllowedTypes } from '../../domain/files/file-types';
import { compoundDirectoryAt } from '../../domain/files/sniff';
import { MediaErrors } from '../../domain/media.errors';
import { HEAD_BYTES, type InspectionResult } from './inspection';

export interface StoredInspectionOptions {
  originalFilename: string;
  /** The stored object's size (from HEAD). */
  size: number;
  allowed: AllowedTypes;
  /** Bytes start..end, both included (an HTTP/S3 range). */
  readRange(start: number, end: number): Promise<Buffer>;
}

/** Ranged reads are made in blocks of this size, so small boxes in a row cost one read. */
const BLOCK_BYTES = 64 * 1024;
/**
 * A fragmented MP4 has a moof+mdat pair every few seconds: past this many top-level headers the walk stops and the
 * file is taken as whole (its head, tail and first headers were fine). Bounds the reads of one inspection.
 */
const MAX_WALKED_HEADERS = 10_000;
/** An Office package's central directory is read whole to confirm its type (tens of thousands of parts fit). */
const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024;

/**
 * The streaming inspector's checks for an object already in storage (direct uploads), without reading it whole:
 * the head (64 KiB), the tail (64 KiB), for chained formats one small read per top-level header, for an old Office
 * file whose directory is past the head that directory sector, for an Office package that its head cannot tell the
 * central directory. No SHA-256.
 */
export async function inspectStored(opts: StoredInspectionOptions): Promise<InspectionResult> {
  const ext = allowedExtensionOf(opts.originalFilename, opts.allowed);
  if (opts.size === 0) throw MediaErrors.emptyFile();
  const reader = new BlockReader(opts.readRange, opts.size);
  const head = await reader.read(0, Math.min(opts.size, HEAD_BYTES));
  const type = contentTypeOf(head, ext);
  const tail = opts.size <= head.length ? head : await reader.read(Math.max(0, opts.size - TAIL_BYTES), opts.size);
  const format = chainFormatOf(type.id);
  const walked = format ? await walkStored(new ChainWalk(format), reader, opts.size) : { chain: null, captured: null };
  const video = appendedVideoWindow(type, head, opts.size);
  const imageEndsBeforeVideo = video ? endsWithin(await reader.read(video.start, video.end), JPEG_EOI) : undefined;
  checkComplete(type, { head, tail, size: opts.size, chain: walked.chain, imageEndsBeforeVideo });
  const directory = type.id === 'doc' || type.id === 'ppt' ? compoundDirectoryAt(head) : null;
  if (directory && directory.start + 128 > head.length) {
    confirmCompoundFile(type, ext, await reader.read(directory.start, Math.min(opts.size, directory.end)));
  }
  if ((type.id === 'docx' || type.id === 'pptx') && typedByExtensionOnly(head)) {
    const directory = zipCentralDirectoryAt(tail, opts.size);
    if (directory && directory.end - directory.start <= MAX_CENTRAL_DIRECTORY_BYTES) {
      confirmZipPackage(type, ext, zipCentralDirectoryNames(await reader.read(directory.start, directory.end)));
    }
  }
  return {
    size: opts.size,
    sha256: null,
    type: { kind: type.kind, mime: type.mime, ext },
    durationSeconds: durationOf(type, head, walked.captured),
  };
}

const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const endsWithin = (window: Buffer, marker: Buffer) => window.includes(marker);

async function walkStored(walk: ChainWalk, reader: BlockReader, size: number): Promise<{ chain: ChainEnd; captured: Buffer | null }> {
  let captured: Buffer | null = null;
  while (walk.walking && walk.next < size) {
    if (walk.headers >= MAX_WALKED_HEADERS) return { chain: 'complete', captured };
    const header = await reader.read(walk.next, Math.min(size, walk.next + walk.format.maxHeaderBytes));
    const parsed = walk.format.parseHeader(header);
    if (parsed === 'need-more') return { chain: walk.finish(size, true), captured };
    const capture = walk.accept(parsed);
    if (capture && !captured) captured = await reader.read(capture.start, Math.min(capture.end, size));
  }
  return { chain: walk.finish(size, false), captured };
}

/** Reads [start, end) through aligned blocks, keeping the last block (headers are small and often close together). */
class BlockReader {
  private block: { start: number; bytes: Buffer } | null = null;

  constructor(
    private readonly readRange: (start: number, end: number) => Promise<Buffer>,
    private readonly size: number,
  ) {}

  async read(start: number, end: number): Promise<Buffer> {
    if (end <= start) return Buffer.alloc(0);
    if (end - start > BLOCK_BYTES) return this.fetch(start, end);
    const parts: Buffer[] = [];
    for (let at = start; at < end; ) {
      const blockStart = Math.floor(at / BLOCK_BYTES) * BLOCK_BYTES;
      if (this.block?.start !== blockStart) {
        this.block = { start: blockStart, bytes: await this.fetch(blockStart, Math.min(this.size, blockStart + BLOCK_BYTES)) };
      }
      const upTo = Math.min(end, blockStart + this.block.bytes.length);
      if (upTo <= at) break; // the object is shorter than its size said
      parts.push(this.block.bytes.subarray(at - blockStart, upTo - blockStart));
      at = upTo;
    }
    return Buffer.concat(parts);
  }

  private async fetch(start: number, end: number): Promise<Buffer> {
    const bytes = await this.readRange(start, end - 1);
    return bytes.length > end - start ? bytes.subarray(0, end - start) : bytes;
  }
}
