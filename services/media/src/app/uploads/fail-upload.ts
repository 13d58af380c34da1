import type { UploadEnd, UploadRecord } from '../../domain/media.entities';
import { objectOrphaned } from '../../domain/media.events';
import type { MediaUnitOfWork } from '../deps';

/**
 * Ends a pending upload that will never become a file (refused content, aborted, expired): frees its quota
 * reservation, records why, and publishes `media.object_orphaned` so the release consumer removes whatever bytes
 * reached storage (and aborts an S3 multipart upload) — even when the caller's own delete failed or the process
 * dies right after. Under the row lock; an upload no longer pending is left alone (false).
 */
export async function failUpload(
  uow: MediaUnitOfWork,
  upload: Pick<UploadRecord, 'id'>,
  status: UploadEnd,
  failure: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  const current = await uow.uploads.lockById(upload.id);
  if (!current || current.status !== 'pending') return false;
  await uow.uploads.markEnded(current.id, status, failure, now);
  await uow.emit(objectOrphaned(current, now));
  return true;
}
