import type { Readable } from 'node:stream';
import type { Caller } from '@lms/kit/auth';
import { StorageErrors } from '@lms/storage';
import { contentDisposition } from '../../domain/files/content-disposition';
import { ifRangeAllows, noneMatchSatisfied, resolveRange, type RangeRequest, type ResolvedRange } from '../../domain/byte-range';
import type { FileRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import type { MediaDeps } from '../deps';
import { readableFile } from './access';
import { checkFileId } from './file-id';

/**
 * Largest chunk message of a download (the gateway writes each as it comes): 256 KiB matches local storage's read
 * size; measured (bench/README.md) local downloads 168–195 → 208–238 MB/s and a third less CPU than 64 KiB, with the
 * same memory (the kit's 1 MiB HTTP/2 windows hold a few chunks in flight).
 */
export const DOWNLOAD_CHUNK_BYTES = 256 * 1024;

export type DownloadPlan =
  /** If-None-Match matched: 304 — nothing opened, nothing counted, no URL issued. */
  | { kind: 'not_modified'; file: FileRecord }
  /** HEAD: the head a GET would get — nothing opened, nothing counted. */
  | { kind: 'head'; file: FileRecord; range: ResolvedRange }
  | { kind: 'redirect'; file: FileRecord; url: string }
  | {
      kind: 'stream';
      file: FileRecord;
      range: ResolvedRange;
      totalSize: number;
      body: AsyncIterable<Buffer>;
      /** Releases the opened object (a file handle, an HTTP response) when the reader stops before reading `body`. */
      close(): void;
    };

export interface DownloadInput {
  fileId: string;
  range: RangeRequest;
  inline: boolean;
  headOnly?: boolean;
  /** The client's If-None-Match / If-Range as sent ("" or absent = none). */
  ifNoneMatch?: string;
  ifRange?: string;
}

const WHOLE_FILE: RangeRequest = { hasRange: false, start: 0, end: -1, suffixLength: 0 };

/** Files are immutable: the id is a strong validator (the ETag the head carries). */
const etagOf = (file: FileRecord) => `"${file.id}"`;

/**
 * A download, decided before the first byte, in RFC 9110's order: the access check (a private file the caller
 * may not read is MEDIA.FILE_NOT_FOUND whatever validator comes with it), If-None-Match (304), If-Range, the
 * range against the size (MEDIA.RANGE_NOT_SATISFIABLE with the total size); then a HEAD gets its head, a GET
 * either a short-lived presigned S3 GET (redirect mode) or the object's bytes opened from storage. Only a GET
 * from byte 0 counts, once, in a short statement of its own: a redirect when it is issued, a streamed download
 * when its first bytes have been read from storage (a HEAD, a 304 or an open that fails is never counted).
 */
export async function prepareDownload(deps: MediaDeps, caller: Caller | undefined, req: DownloadInput): Promise<DownloadPlan> {
  const file = await readableFile(deps, caller, checkFileId(req.fileId));
  if (noneMatchSatisfied(req.ifNoneMatch ?? '', etagOf(file))) return { kind: 'not_modified', file };
  if (file.storageProvider !== deps.storage.provider)
    throw MediaErrors.wrongProvider(`The file is kept by the ${file.storageProvider} storage; this service uses ${deps.storage.provider}`);
  const asked = ifRangeAllows(req.ifRange ?? '', etagOf(file)) ? req.range : WHOLE_FILE;
  const range = resolveRange(file.fileSize, asked);
  if (!range) throw MediaErrors.rangeNotSatisfiable(file.fileSize);
  if (req.headOnly) return { kind: 'head', file, range };
  const countDownload = async () => {
    if (range.start === 0) await deps.units.run((uow) => uow.files.countDownload(file.id));
  };
  if (deps.storage.provider === 's3' && deps.config.S3_DOWNLOAD_MODE === 'redirect') {
    const url = await deps.storage.presignGet(file.storageKey, {
      expiresInSeconds: deps.config.S3_PRESIGNED_GET_SECONDS,
      contentType: file.mimeType,
      contentDisposition: contentDisposition(file.originalFilename, req.inline),
    });
    if (!url) throw StorageErrors.unavailable();
    await countDownload();
    return { kind: 'redirect', file, url };
  }
  const stream = await deps.storage.get(file.storageKey, { start: range.start, end: range.end });
  if (!stream) {
    deps.logger.error({ file_id: file.id, storage_key: file.storageKey }, 'a file row has no object in storage');
    throw MediaErrors.fileNotFound();
  }
  const counted = async () => {
    try {
      await countDownload();
    } catch (err) {
      // A statistic: losing one count is better than breaking a download whose head is already out.
      deps.logger.warn({ err, file_id: file.id }, 'a download was not counted');
    }
  };
  return { kind: 'stream', file, range, totalSize: file.fileSize, body: inChunks(stream, DOWNLOAD_CHUNK_BYTES, counted), close: () => stream.destroy() };
}

/** The stream's bytes in pieces of at most `size`, `beforeFirst` awaited once bytes are there; the stream is destroyed when the reader stops early. */
async function* inChunks(stream: Readable, size: number, beforeFirst: () => Promise<void>): AsyncGenerator<Buffer> {
  try {
    let first = true;
    for await (const data of stream) {
      if (first) {
        first = false;
        await beforeFirst();
      }
      const buffer = data as Buffer;
      for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
    }
  } finally {
    stream.destroy();
  }
}
