import type { Caller } from '@lms/kit/auth';
import type { CreateDirectUploadRequest__Output } from '@lms/kit/generated/lms/media/v1/CreateDirectUploadRequest';
import type { DirectUpload } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import { Checker } from '../../domain/validation';
import type { MediaDeps } from '../deps';
import { failUpload } from '../uploads/fail-upload';
import { reserveUpload } from '../uploads/reserve-upload';
import { directUploadReply, unixSeconds } from './direct-upload-view';
import { namedUpload } from './named-upload';

/** S3 refuses more parts than this in one multipart upload. */
const S3_MAX_PARTS = 10_000;

/**
 * Declares a direct upload: the name must carry an allowed extension and the size fit MAX_DIRECT_UPLOAD_SIZE;
 * the whole declared size is reserved against the caller's quota until the upload completes or ends. The PUT
 * URLs work until `expires_at`; the expiry timer looks at the upload a grace period later (a PUT that started
 * just before the expiry may still finish and be completed), and cleans it up if it is still pending.
 * On S3, a size above DIRECT_UPLOAD_PART_SIZE opens a multipart upload (after the reservation, so a refused
 * quota never leaves one open) with one presigned URL per part.
 */
export async function createDirectUpload(deps: MediaDeps, caller: Caller, request: CreateDirectUploadRequest__Output): Promise<DirectUpload> {
  const { config } = deps;
  const check = new Checker();
  if (!request.filename.trim()) check.add('filename', 'is required');
  const size = check.bytes('size', request.size);
  if (check.ok && size === 0) check.add('size', 'must be more than zero bytes');
  const folder = check.folder('folder', request.folder);
  check.throwIfAny();
  const named = namedUpload(config, request.filename);
  if (size > config.MAX_DIRECT_UPLOAD_SIZE) throw MediaErrors.fileTooLarge(config.MAX_DIRECT_UPLOAD_SIZE);

  const now = deps.clock();
  // Whole seconds: the local URL signs the unix second, and expires_at must name the same instant.
  const expiresAt = new Date((unixSeconds(now) + config.DIRECT_UPLOAD_URL_SECONDS) * 1000);
  const cleanupAt = new Date(expiresAt.getTime() + config.DIRECT_UPLOAD_CLEANUP_GRACE_SECONDS * 1000);
  let upload: UploadRecord = await deps.units.run((uow) =>
    reserveUpload(uow, deps, caller, {
      kind: 'direct',
      originalFilename: named.originalFilename,
      extension: named.extension,
      folder,
      isPublic: request.is_public,
      declaredMimeType: request.mime_type.trim().slice(0, 255) || null,
      declaredSize: size,
      reservedBytes: size,
      expiresAt,
      cleanupAt,
    }),
  );
  if (deps.storage.provider === 's3' && size > config.DIRECT_UPLOAD_PART_SIZE) upload = await openMultipart(deps, upload, named.contentType, size);
  return directUploadReply(deps, upload, deps.clock());
}

async function openMultipart(deps: MediaDeps, upload: UploadRecord, contentType: string, size: number): Promise<UploadRecord> {
  const partSize = Math.max(deps.config.DIRECT_UPLOAD_PART_SIZE, Math.ceil(size / S3_MAX_PARTS));
  let multipartUploadId: string;
  try {
    multipartUploadId = await deps.storage.createMultipart(upload.storageKey, contentType);
  } catch (err) {
    await deps.units.run((uow) => failUpload(uow, upload, 'failed', 'storage: the multipart upload could not be opened', deps.clock()));
    throw err;
  }
  const recorded = await deps.units.run((uow) => uow.directUploads.recordMultipart(upload.id, multipartUploadId, partSize));
  // Ended meanwhile (only an expiry shorter than this call could do it): nothing will ever complete it.
  if (!recorded) {
    await deps.storage.abortMultipart(upload.storageKey, multipartUploadId).catch(() => undefined);
    throw MediaErrors.uploadNotPending('expired');
  }
  return { ...upload, multipartUploadId, partSize };
}
