import { Readable, Transform, pipeline } from 'node:stream';
import type { Caller } from '@lms/kit/auth';
import { AppError } from '@lms/kit/errors';
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
  /** Upper bound known before the bytes (the request's Content-Length); 0 = unknown. */
  expectedSize: string | number;
}

/**
 * A streamed upload (POST /files/upload). Everything decidable from the start message is refused before any
 * byte is read: a bad folder, a name whose extension is not allowed (415), an expected size over
 * MAX_UPLOAD_SIZE (413), the quota (the reservation is the expected size, or the limit when unknown). Then the
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
  if (expectedSize > maxBytes) throw MediaErrors.fileTooLarge(maxBytes);

  const now = deps.clock();
  const upload = await deps.units.run((uow) =>
    reserveUpload(uow, deps, caller, {
      kind: 'stream',
      originalFilename,
      extension,
      folder,
      isPublic: start.isPublic,
      declaredMimeType: start.declaredMimeType || null,
      declaredSize: expectedSize || null,
      reservedBytes: expectedSize || maxBytes,
      expiresAt: new Date(now.getTime() + deps.config.STREAM_UPLOAD_TIMEOUT_SECONDS * 1000),
    }),
  );
  try {
    const inspection = await storeInspected(deps, upload, chunks, { originalFilename, contentType, maxBytes, expectedSize, signal });
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
  opts: { originalFilename: string; contentType: string; maxBytes: number; expectedSize: number; signal?: AbortSignal },
): Promise<InspectedContent> {
  const inspector = createInspector({ originalFilename: opts.originalFilename, maxBytes: opts.maxBytes, allowed: allowedTypesFrom(deps.config) });
  let failure: unknown;
  const body = pipeline(Readable.from(chunks, { objectMode: false }), notMoreThan(opts.expectedSize), inspector, (err: Error | null) => {
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

/** Refuses bytes past the size the client announced (its reservation of the quota is that size). */
function notMoreThan(expectedSize: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (expectedSize > 0 && seen > expectedSize)
        callback(MediaErrors.validation([{ loc: ['expected_size'], msg: `the upload sent more than the ${expectedSize} bytes announced` }]));
      else callback(null, chunk);
    },
  });
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
