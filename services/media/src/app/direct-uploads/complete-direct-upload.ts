import type { Caller } from '@lms/kit/auth';
import { isAppError } from '@lms/kit/errors';
import type { CompleteDirectUploadRequest__Output } from '@lms/kit/generated/lms/media/v1/CompleteDirectUploadRequest';
import type { File } from '@lms/kit/generated/lms/media/v1/File';
import type { FileRecord, InspectedContent, UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import type { MediaDeps } from '../deps';
import { fileMessage } from '../files/file-view';
import { allowedTypesFrom, inspectStored } from '../inspect';
import { failUpload } from '../uploads/fail-upload';
import { finaliseUpload } from '../uploads/finalise-upload';
import { partSizes } from './direct-upload-view';
import { ownDirectUpload } from './own-direct-upload';

/**
 * The declaring user says the bytes are there: the stored object becomes a file only after it is checked like
 * a streamed upload — S3 multipart parts are assembled first, then its size must be the declared one and its
 * content (sniffed from ranged reads: head, tail, structure) what the name says. A refused object is deleted and
 * the upload failed (its quota released, its bytes released again by the orphan consumer should this delete
 * fail). Idempotent: completing a completed upload answers its file; a failed or expired one is refused (409).
 * An object not (yet) there is refused without ending the upload: the client may still PUT it.
 */
export async function completeDirectUpload(deps: MediaDeps, caller: Caller, request: CompleteDirectUploadRequest__Output): Promise<File> {
  let upload = await ownDirectUpload(deps, caller, request.upload_id, { adminToo: false });
  if (upload.status === 'completed') return completedFile(deps, caller, upload);
  if (upload.status !== 'pending') throw MediaErrors.uploadNotPending(upload.status);
  if (upload.storageProvider !== deps.storage.provider) throw MediaErrors.wrongProvider('This upload is kept by another storage provider');

  const declared = upload.declaredSize ?? 0;
  if (upload.multipartUploadId) await assembleParts(deps, upload, request);
  const stored = await deps.storage.head(upload.storageKey);
  if (!stored) throw MediaErrors.sizeMismatch(declared, 0);
  if (stored.size !== declared) await refuse(deps, upload, MediaErrors.sizeMismatch(declared, stored.size));

  let inspection: InspectedContent;
  try {
    inspection = await inspectStored({
      originalFilename: upload.originalFilename,
      size: stored.size,
      allowed: allowedTypesFrom(deps.config),
      readRange: (start, end) => readRange(deps, upload, start, end),
    });
  } catch (err) {
    // A refusal of the content ends the upload; storage trouble does not (the client may complete again).
    if (isAppError(err) && err.kind === 'invalid_argument') await refuse(deps, upload, err);
    throw err;
  }
  try {
    const file = await deps.units.run((uow) => finaliseUpload(uow, upload, inspection, deps.clock()));
    return fileMessage(deps.config, caller, file);
  } catch (err) {
    // A concurrent complete of the same upload won the race: answer its file.
    upload = (await deps.units.read.uploads.findById(upload.id)) ?? upload;
    if (upload.status === 'completed') return completedFile(deps, caller, upload);
    throw err;
  }
}

/** S3's refusals of a CompleteMultipartUpload that the client can fix (re-PUT a part, send the right ETags). */
const PARTS_REFUSED = new Set(['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall']);

async function assembleParts(deps: MediaDeps, upload: UploadRecord, request: CompleteDirectUploadRequest__Output): Promise<void> {
  // A retried complete whose first call assembled the object already (the multipart upload is gone then).
  if (await deps.storage.head(upload.storageKey)) return;
  const expected = partSizes(upload.declaredSize ?? 0, upload.partSize).length;
  const numbers = new Set(request.parts.map((part) => part.part_number));
  const complete = request.parts.length === expected && numbers.size === expected && [...numbers].every((n) => n >= 1 && n <= expected);
  if (!complete || request.parts.some((part) => !part.etag)) {
    throw MediaErrors.validation([{ loc: ['parts'], msg: `must list parts 1 to ${expected}, each once, with the ETag its PUT answered` }]);
  }
  const parts = request.parts.map((part) => ({ partNumber: part.part_number, etag: part.etag })).sort((a, b) => a.partNumber - b.partNumber);
  try {
    await deps.storage.completeMultipart(upload.storageKey, upload.multipartUploadId!, parts);
  } catch (err) {
    const name = (err as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && PARTS_REFUSED.has(name)) {
      throw MediaErrors.validation([{ loc: ['parts'], msg: `the storage refused the parts (${name}): PUT every part again, then complete with their ETags` }]);
    }
    throw err;
  }
}

/** Deletes the refused object, fails the upload with the refusal's text, and throws the refusal. */
async function refuse(deps: MediaDeps, upload: UploadRecord, refusal: Error): Promise<never> {
  await deps.storage.delete(upload.storageKey).catch((err: unknown) => {
    deps.logger.warn({ err, uploadId: upload.id }, 'direct upload: could not delete a refused object (the release consumer retries)');
  });
  await deps.units.run((uow) => failUpload(uow, upload, 'failed', refusal.message, deps.clock()));
  throw refusal;
}

async function readRange(deps: MediaDeps, upload: UploadRecord, start: number, end: number): Promise<Buffer> {
  const stream = await deps.storage.get(upload.storageKey, { start, end });
  if (!stream) throw MediaErrors.sizeMismatch(upload.declaredSize ?? 0, 0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function completedFile(deps: MediaDeps, caller: Caller, upload: UploadRecord): Promise<File> {
  const file: FileRecord | null = upload.fileId ? await deps.units.read.files.findById(upload.fileId) : null;
  // Completed, then deleted: the file is gone.
  if (!file) throw MediaErrors.fileNotFound();
  return fileMessage(deps.config, caller, file);
}
