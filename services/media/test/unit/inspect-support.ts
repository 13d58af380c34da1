import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { allowedTypes } from '../../src/domain/files/file-types';
import { createInspector, inspectStored, type InspectionResult } from '../../src/app/inspect';

/** The default configuration's extensions. */
export const DEFAULT_ALLOWED = allowedTypes(['.mp4', '.avi', '.mov', '.mkv', '.webm', '.pdf', '.doc', '.docx', '.ppt', '.pptx', '.jpg', '.jpeg', '.png', '.gif', '.webp']);

/** Splits bytes into chunks of `chunkBytes` (the last one shorter). */
export function* chunksOf(bytes: Buffer, chunkBytes: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
}

export interface Streamed {
  result: InspectionResult;
  /** What came out of the inspector, to compare with what went in. */
  passed: Buffer;
}

/** Streams bytes through an inspector; resolves with its result and the bytes it let through. */
export async function inspectStreamed(
  filename: string,
  source: Buffer | Iterable<Buffer> | AsyncIterable<Buffer>,
  opts: { maxBytes?: number; chunkBytes?: number } = {},
): Promise<Streamed> {
  const inspector = createInspector({ originalFilename: filename, maxBytes: opts.maxBytes ?? 100 * 1024 * 1024, allowed: DEFAULT_ALLOWED });
  const parts: Buffer[] = [];
  const input = Buffer.isBuffer(source) ? chunksOf(source, opts.chunkBytes ?? 1000) : source;
  await pipeline(
    Readable.from(input, { objectMode: false }),
    inspector,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        parts.push(chunk);
        callback();
      },
    }),
  );
  return { result: inspector.result(), passed: Buffer.concat(parts) };
}

/** Inspects bytes as a stored object, counting the ranged reads and the bytes they returned. */
export async function inspectAsStored(filename: string, bytes: Buffer): Promise<{ result: InspectionResult; reads: number; bytesRead: number }> {
  let reads = 0;
  let bytesRead = 0;
  const result = await inspectStored({
    originalFilename: filename,
    size: bytes.length,
    allowed: DEFAULT_ALLOWED,
    readRange: async (start, end) => {
      reads += 1;
      const slice = bytes.subarray(start, end + 1);
      bytesRead += slice.length;
      return Buffer.from(slice);
    },
  });
  return { result, reads, bytesRead };
}

/** The AppError code a promise rejects with (fails the test when it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as { code?: string }).code ?? String(err), message: (err as Error).message };
  }
  throw new Error('expected a refusal, but the inspection succeeded');
}
