import { Readable, Transform, pipeline } from 'node:stream';
import type { Caller } from '@lms/kit/auth';
import { AppError } from '@lms/kit/errors';
import type { UploadRequest__Output } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import type { FileRecord, InspectedContent, UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import { Checker } from '../../domain/validation';
import { allowedTypesFrom, createInspector } from '../inspect';
import { namedUpload } from '../direct-uploads/named-upload';
import type { MediaDeps } from '../deps';
import { failUpload } from '../uploads/fail-upload';
import { finaliseUpload } from '../uploads/finalise-upload';
import { reserveUpload } from '../uploads/reserve-upload';

/** The `start` message of an Upload stream. */
export interface UploadStartInput {
  originalFilename: string;
  declaredMimeType: string;
  folder: string;
  isPublic: boolean;
  /** The file's size announced before the bytes; 0 = unknown. */
  expectedSize: string | number;
  /** `expectedSize` is only an upper bound with up to ENVELOPE_ALLOWANCE_BYTES of envelope (a multipart Content-Length). */
  expectedSizeIsBound?: boolean;
}

/** What a bound (`expected_size_is_bound`) may count beyond the file: multipart delimiters, part headers, fields. */
export const ENVELOPE_ALLOWANCE_BYTES = 64 * 1024;

/**
 * A streamed upload (POST /files/upload). Everything decidable from the start message is refused before any
 * byte is read: a bad folder, a name whose extension is not allowed (415), an expected size over
 * MAX_UPLOAD_SIZE (413; a bound only beyond MAX_UPLOAD_SIZE + ENVELOPE_ALLOWANCE_BYTES), the quota (the
 * reservation is the expected size, at most the limit, or the limit when unknown). Then the
 * bytes flow through the inspector (size limit, type sniffed from the first bytes, structure to the end) into
 * storage under a generated key, with back-pressure all the way. A refusal or failure deletes what reached
 * storage and fails the upload (its `media.object_orphaned` retries the delete should this one fail); a process
 * that dies mid-way leaves a pending upload the expiry timer fails later.
 */
export async function uploadFile(deps: MediaDeps, caller: Caller, start: UploadStartInput, chunks: AsyncIterable<Buffer>, signal?: AbortSignal): Promise<FileRecord> {
  const check = new Checker();
  const folder = check.folder('folder', start.folder);
  const expectedSize = check.bytes('expected_size', start.expectedSize);
  check.throwIfAny();
  const { originalFilename, extension, contentType } = namedUpload(deps.config, start.originalFilename);
  const maxBytes = deps.config.MAX_UPLOAD_SIZE;
  const isBound = start.expectedSizeIsBound === true && expectedSize > 0;
  // A bound counts the envelope too: a file of exactly the limit must not be refused for its multipart framing.
  if (expectedSize > maxBytes + (isBound ? ENVELOPE_ALLOWANCE_BYTES : 0)) throw MediaErrors.fileTooLarge(maxBytes);

  const now = deps.clock();
  const upload = await deps.units.run((uow) =>
    reserveUpload(uow, deps, caller, {
      kind: 'stream',
      originalFilename,
      extension,
      folder,
      isPublic: start.isPublic,
      declaredMimeType: start.declaredMimeType || null,
      declaredSize: isBound ? null : expectedSize || null,
      reservedBytes: Math.min(expectedSize || maxBytes, maxBytes),
      expiresAt: new Date(now.getTime() + deps.config.STREAM_UPLOAD_TIMEOUT_SECONDS * 1000),
    }),
  );
  try {
    const inspection = await storeInspected(deps, upload, chunks, { originalFilename, contentType, maxBytes, expectedSize, isBound, signal });
    return await deps.units.run((uow) => finaliseUpload(uow, upload, inspection, deps.clock()));
  } catch (err) {
    await releaseFailed(deps, upload, err);
    throw err;
  }
}

/** Streams the bytes through the inspector into storage; the first failure of either side wins. */
async function storeInspected(
  deps: MediaDeps,
  upload: UploadRecord,
  chunks: AsyncIterable<Buffer>,
  opts: { originalFilename: string; contentType: string; maxBytes: number; expectedSize: number; isBound: boolean; signal?: AbortSignal },
): Promise<InspectedContent> {
  const inspector = createInspector({ originalFilename: opts.originalFilename, maxBytes: opts.maxBytes, allowed: allowedTypesFrom(deps.config) });
  let failure: unknown;
  const body = pipeline(Readable.from(chunks, { objectMode: false }), notMoreThan(opts.expectedSize, opts.isBound), inspector, (err: Error | null) => {
    if (err) failure ??= err;
  }) as unknown as Readable;
  try {
    await deps.storage.put(upload.storageKey, body, { contentType: opts.contentType, signal: opts.signal });
  } catch (err) {
    throw failure instanceof AppError ? failure : err;
  }
  if (failure) throw failure;
  return inspector.result();
}

/**
 * Refuses bytes past the size the client announced (its reservation of the quota is that size). A bound is
 * only refused beyond itself: the file is smaller than it by its envelope, and the exact limit is the
 * inspector's.
 */
function notMoreThan(expectedSize: number, isBound: boolean): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (expectedSize > 0 && seen > expectedSize) {
        const what = isBound ? 'the upper bound of' : 'the';
        callback(MediaErrors.validation([{ loc: ['expected_size'], msg: `the upload sent more than ${what} ${expectedSize} bytes announced` }]));
      } else callback(null, chunk);
    },
  });
}

/**
 * The chunks of an upload stream after its `start`, ending only at the sender's `end` with the byte count that
 * arrived. gRPC can show a cancelled stream as a clean end before its reset arrives, so a stream that just stops
 * is refused (MEDIA.INCOMPLETE_UPLOAD) — thrown from the iteration, so storage never commits the bytes.
 * `onChunk` sees the running total (progress).
 */
export async function* chunksUntilEnd(
  messages: AsyncIterator<UploadRequest__Output>,
  onChunk?: (received: number) => Promise<void>,
): AsyncGenerator<Buffer> {
  let received = 0;
  for (;;) {
    const next = await messages.next();
    if (next.done) throw MediaErrors.incompleteUpload({ received_bytes: received });
    const message = next.value;
    if (message.start) throw MediaErrors.badStream('Only the first message may be `start`');
    if (message.end) {
      const total = Number(message.end.total_bytes);
      if (total > received) throw MediaErrors.incompleteUpload({ total_bytes: total, received_bytes: received });
      if (total !== received) throw MediaErrors.badStream(`\`end\` counts ${total} bytes, but ${received} arrived`);
      const after = await messages.next();
      if (!after.done) throw MediaErrors.badStream('No message may follow `end`');
      return;
    }
    const chunk = message.chunk;
    if (!chunk || chunk.length === 0) continue;
    received += chunk.length;
    await onChunk?.(received);
    yield chunk;
  }
}

/** Deletes what reached storage and fails the upload in one short unit (its orphan event retries the delete). */
async function releaseFailed(deps: MediaDeps, upload: UploadRecord, err: unknown): Promise<void> {
  const failure = err instanceof AppError ? `${err.code}: ${err.message}` : `storage: ${(err as Error).message}`;
  await deps.storage.delete(upload.storageKey).catch((deleteErr: Error) =>
    deps.logger.warn({ upload_id: upload.id, err: deleteErr.message }, 'could not delete a refused upload now; the release consumer retries'),
  );
  await deps.units
    .run((uow) => failUpload(uow, upload, 'failed', failure, deps.clock()))
    .catch((failErr: Error) => deps.logger.error({ upload_id: upload.id, err: failErr.message }, 'could not fail an upload; its expiry timer will'));
}
