import { Readable, pipeline } from 'node:stream';
import type { DirectUpload } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { UploadRequest__Output } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import type { UploadStart__Output } from '@lms/kit/generated/lms/media/v1/UploadStart';
import { isAppError, isUuid } from '@lms/kit/errors';
import type { UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import { checkUploadUrl } from '../../domain/upload-url-signature';
import type { MediaDeps } from '../deps';
import { chunksUntilEnd } from '../files/upload-file';
import { createInspector, allowedTypesFrom } from '../inspect';
import { directUploadReply } from './direct-upload-view';
import { contentTypeOfKey } from './named-upload';

/**
 * The bytes of a local direct upload, PUT to the gateway's signed content URL and streamed here (`start` carries
 * the URL's fields; no user token: the signature authorises). Refused before any byte is read: a bad signature
 * (403), an expired URL (403), an upload no longer pending (409), a Content-Length other than the declared size
 * (413 above, 422 below). While streaming, the content is inspected as it arrives (a renamed executable is
 * refused at its first bytes) and a byte beyond the declared size stops the upload at once (413); a stream that
 * stops without its `end` (a PUT whose body was cut) is refused as incomplete (422). A refused PUT
 * leaves no object and the upload pending — the client may PUT again until the URL expires; a second PUT
 * replaces the first. Completing the upload is a separate call.
 */
export async function putDirectUploadContent(
  deps: MediaDeps,
  requests: AsyncIterable<UploadRequest__Output>,
  call: { signal?: AbortSignal } = {},
): Promise<DirectUpload> {
  const messages = requests[Symbol.asyncIterator]();
  const first = await messages.next();
  const start = first.done ? undefined : first.value.start;
  if (!start) throw MediaErrors.badStream('The first message must be `start`');
  const upload = await uploadToReceive(deps, start);

  const declared = upload.declaredSize ?? 0;
  const inspector = createInspector({ originalFilename: upload.originalFilename, maxBytes: declared, allowed: allowedTypesFrom(deps.config) });
  let streamFailure: unknown;
  const progress = (received: number) =>
    deps.units.run((uow) => uow.directUploads.recordReceived(upload.id, received)).then(
      () => undefined,
      () => undefined, // Progress is informative: the upload goes on without it.
    );
  const body = pipeline(Readable.from(chunksUntilEnd(messages, progressEvery(PROGRESS_EVERY_BYTES, progress)), { objectMode: false }), inspector, (err) => {
    streamFailure ??= err;
  });
  let stored: { size: number };
  try {
    stored = await deps.storage.put(upload.storageKey, body, { contentType: contentTypeOfKey(upload.storageKey), signal: call.signal });
    inspector.result();
  } catch (err) {
    await discardContent(deps, upload);
    throw preferAppError(streamFailure, err, declared);
  }
  if (stored.size !== declared) {
    await discardContent(deps, upload);
    throw MediaErrors.sizeMismatch(declared, stored.size);
  }
  const recorded = await deps.units.run((uow) => uow.directUploads.recordReceived(upload.id, stored.size));
  if (!recorded) {
    // Aborted or expired while the bytes were arriving: its release may already have run, so drop them here.
    await deleteQuietly(deps, upload);
    const current = await deps.units.read.uploads.findById(upload.id);
    throw MediaErrors.uploadNotPending(current?.status ?? 'expired');
  }
  const current = await deps.units.read.uploads.findById(upload.id);
  return directUploadReply(deps, current ?? { ...upload, receivedBytes: stored.size }, deps.clock());
}

/** The pending local direct upload the signed `start` names, checked before any byte is read. */
async function uploadToReceive(deps: MediaDeps, start: UploadStart__Output): Promise<UploadRecord> {
  const { config } = deps;
  if (deps.storage.provider !== 'local') {
    throw MediaErrors.wrongProvider('Direct uploads PUT their bytes to S3 presigned URLs: the content URL serves local storage only');
  }
  const expires = Number(start.expires);
  const verdict = checkUploadUrl(config.MEDIA_URL_SIGNING_SECRET, { uploadId: start.upload_id, expires, signature: start.signature }, deps.clock());
  if (verdict === 'invalid') throw MediaErrors.uploadUrlInvalid();
  if (verdict === 'expired') throw MediaErrors.uploadUrlExpired();
  const upload = isUuid(start.upload_id) ? await deps.units.read.uploads.findById(start.upload_id.toLowerCase()) : null;
  if (!upload || upload.kind !== 'direct') throw MediaErrors.uploadNotFound();
  if (upload.storageProvider !== 'local') throw MediaErrors.wrongProvider('This upload is kept by another storage provider');
  if (upload.status !== 'pending') throw MediaErrors.uploadNotPending(upload.status);
  const declared = upload.declaredSize ?? 0;
  const expected = Number(start.expected_size);
  if (expected > declared) throw MediaErrors.beyondDeclaredSize(declared);
  if (expected > 0 && expected < declared) throw MediaErrors.sizeMismatch(declared, expected);
  return upload;
}

/** How often a long PUT records its progress (`received_bytes`, shown by GetDirectUpload). */
const PROGRESS_EVERY_BYTES = 8 * 1024 * 1024;

function progressEvery(bytes: number, progress: (received: number) => Promise<void>): (received: number) => Promise<void> {
  let reported = 0;
  return async (received) => {
    if (received - reported < bytes) return;
    reported = received;
    await progress(received);
  };
}

/** Whatever a refused PUT wrote is gone, also the bytes of an earlier PUT it was replacing: nothing is received. */
async function discardContent(deps: MediaDeps, upload: UploadRecord): Promise<void> {
  await deleteQuietly(deps, upload);
  await deps.units.run((uow) => uow.directUploads.recordReceived(upload.id, 0));
}

async function deleteQuietly(deps: MediaDeps, upload: UploadRecord): Promise<void> {
  await deps.storage.delete(upload.storageKey).catch((err: unknown) => {
    // The expiry timer releases the key in any case once the upload ends.
    deps.logger.warn({ err, uploadId: upload.id }, 'direct upload: could not delete refused content');
  });
}

/**
 * The inspector's or the stream's refusal says what was wrong with the bytes; storage's own error otherwise. The
 * inspector's limit here is the declared size, which its "Maximum size: …MB" wording would misstate.
 */
function preferAppError(streamFailure: unknown, err: unknown, declared: number): unknown {
  const failure = isAppError(streamFailure) ? streamFailure : err;
  if (isAppError(failure) && failure.code === 'MEDIA.FILE_TOO_LARGE') return MediaErrors.beyondDeclaredSize(declared);
  return failure;
}
