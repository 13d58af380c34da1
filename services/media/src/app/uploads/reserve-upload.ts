import { randomUUID } from 'node:crypto';
import type { Caller } from '@lms/kit/auth';
import type { StorageProvider, UploadKind, UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import { uploadExpiryDue } from '../../domain/media.events';
import type { MediaPorts, MediaUnitOfWork } from '../deps';

export interface ReserveUploadInput {
  kind: UploadKind;
  /** Already sanitised: metadata only. */
  originalFilename: string;
  /** Lower-cased, with its dot (`.png`): the stored key ends with it. */
  extension: string;
  folder: string;
  isPublic: boolean;
  declaredMimeType: string | null;
  declaredSize: number | null;
  /** What the upload holds of the quota while pending (an upper bound of its bytes). */
  reservedBytes: number;
  /** Stream: when a process that died mid-upload is given up on; direct: when the URLs stop working. */
  expiresAt: Date;
  /** When the expiry timer looks at it (default `expiresAt`; direct uploads add a grace period). */
  cleanupAt?: Date;
  /** Chosen beforehand when the caller needs them before the row exists (e.g. an S3 multipart upload). */
  id?: string;
  storageKey?: string;
  multipartUploadId?: string | null;
  partSize?: number | null;
}

/** The generated key of an upload's object: `<folder>/<uuid><ext>` — nothing of the client's name. */
export function storageKeyFor(folder: string, id: string, extension: string): string {
  return `${folder}/${id}${extension}`;
}

/**
 * Opens an upload: checks the caller's quota under their quota lock (files kept + pending reservations; admins
 * are exempt), inserts the pending row that reserves the bytes, and schedules the expiry timer that cleans it up
 * if it is still pending then (a process that died mid-upload, an abandoned direct upload).
 */
export async function reserveUpload(uow: MediaUnitOfWork, ports: MediaPorts, caller: Caller, input: ReserveUploadInput): Promise<UploadRecord> {
  const now = ports.clock();
  if (caller.role !== 'admin') {
    await uow.uploads.lockQuota(caller.userId);
    const used = await uow.uploads.usedBytes(caller.userId);
    const quota = ports.config.USER_STORAGE_QUOTA_BYTES;
    if (used + input.reservedBytes > quota) throw MediaErrors.quotaExceeded(used, quota);
  }
  const id = input.id ?? randomUUID();
  const upload: UploadRecord = {
    id,
    kind: input.kind,
    status: 'pending',
    userId: caller.userId,
    userRole: caller.role,
    storageKey: input.storageKey ?? storageKeyFor(input.folder, id, input.extension),
    storageProvider: ports.config.STORAGE_PROVIDER as StorageProvider,
    originalFilename: input.originalFilename,
    folder: input.folder,
    isPublic: input.isPublic,
    declaredMimeType: input.declaredMimeType,
    declaredSize: input.declaredSize,
    reservedBytes: input.reservedBytes,
    multipartUploadId: input.multipartUploadId ?? null,
    partSize: input.partSize ?? null,
    receivedBytes: 0,
    fileId: null,
    failure: null,
    expiresAt: input.expiresAt,
    createdAt: now,
    finishedAt: null,
  };
  await uow.uploads.insert(upload);
  await uow.emit(uploadExpiryDue(id, input.cleanupAt ?? input.expiresAt, now));
  return upload;
}
