import type { Readable } from 'node:stream';
import type { Caller } from '@lms/kit/auth';
import { contentDisposition } from '../../domain/files/content-disposition';
import { resolveRange, type RangeRequest, type ResolvedRange } from '../../domain/byte-range';
import type { FileRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import type { MediaDeps } from '../deps';
import { readableFile } from './access';
import { checkFileId } from './file-id';

/** Largest chunk message of a download (the gateway writes each as it comes). */
export const DOWNLOAD_CHUNK_BYTES = 64 * 1024;

export type DownloadPlan =
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

/**
 * A download, decided before the first byte: the access check (a private file the caller may not read is
 * MEDIA.FILE_NOT_FOUND), the range against the size (MEDIA.RANGE_NOT_SATISFIABLE with the total size), then
 * either a short-lived presigned S3 GET (redirect mode, issued only after that check) or the object's bytes
 * opened from storage. A download starting at byte 0 counts once, in a short statement of its own.
 */
export async function prepareDownload(
  deps: MediaDeps,
  caller: Caller | undefined,
  req: { fileId: string; range: RangeRequest; inline: boolean },
): Promise<DownloadPlan> {
  const file = await readableFile(deps, caller, checkFileId(req.fileId));
  if (file.storageProvider !== deps.storage.provider)
    throw MediaErrors.wrongProvider(`The file is kept by the ${file.storageProvider} storage; this service uses ${deps.storage.provider}`);
  const range = resolveRange(file.fileSize, req.range);
  if (!range) throw MediaErrors.rangeNotSatisfiable(file.fileSize);
  const counts = range.start === 0;
  if (deps.storage.provider === 's3' && deps.config.S3_DOWNLOAD_MODE === 'redirect') {
    const url = await deps.storage.presignGet(file.storageKey, {
      expiresInSeconds: deps.config.S3_PRESIGNED_GET_SECONDS,
      contentType: file.mimeType,
      contentDisposition: contentDisposition(file.originalFilename, req.inline),
    });
    if (!url) throw MediaErrors.storageUnavailable();
    if (counts) await deps.units.run((uow) => uow.files.countDownload(file.id));
    return { kind: 'redirect', file, url };
  }
  const stream = await deps.storage.get(file.storageKey, { start: range.start, end: range.end });
  if (!stream) {
    deps.logger.error({ file_id: file.id, storage_key: file.storageKey }, 'a file row has no object in storage');
    throw MediaErrors.fileNotFound();
  }
  if (counts) {
    try {
      await deps.units.run((uow) => uow.files.countDownload(file.id));
    } catch (err) {
      stream.destroy();
      throw err;
    }
  }
  return { kind: 'stream', file, range, totalSize: file.fileSize, body: inChunks(stream, DOWNLOAD_CHUNK_BYTES), close: () => stream.destroy() };
}

/** The stream's bytes in pieces of at most `size`; the stream is destroyed when the reader stops early. */
async function* inChunks(stream: Readable, size: number): AsyncGenerator<Buffer> {
  try {
    for await (const data of stream) {
      const buffer = data as Buffer;
      for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
    }
  } finally {
    stream.destroy();
  }
}
