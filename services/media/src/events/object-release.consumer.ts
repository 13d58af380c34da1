import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { MediaDeps } from '../app/deps';
import { OBJECT_ORPHANED } from '../domain/media.events';
import { OBJECT_RELEASE_QUEUE, ObjectOrphanedV1 } from './media.events.schema';

/** Recorded on the upload when the storage server refuses to abort a multipart upload (s3rver answers 405). */
export const MULTIPART_ABORT_UNSUPPORTED =
  'cleanup: the storage server does not support AbortMultipartUpload; uploaded parts are left to the bucket lifecycle rule (AbortIncompleteMultipartUpload)';

/**
 * Removes bytes no row needs any more — a refused, aborted or expired upload's object, a deleted file's — and
 * aborts an S3 multipart upload left open. The storage calls are `prepare` (outside the inbox transaction;
 * idempotent: a missing key is fine), so a storage outage is retried with backoff and parked at last, never lost.
 * A server that cannot abort multipart uploads is recorded on the upload row, visibly, and logged.
 */
export function objectReleaseConsumer(deps: MediaDeps): ConsumerDefinition<z.infer<typeof ObjectOrphanedV1>, 'aborted' | 'unsupported' | null> {
  return {
    queue: OBJECT_RELEASE_QUEUE,
    bindings: [OBJECT_ORPHANED],
    schema: ObjectOrphanedV1,
    async prepare(event) {
      const { storage_key: key, multipart_upload_id: multipartId } = event.data;
      const abort = multipartId ? await deps.storage.abortMultipart(key, multipartId) : null;
      await deps.storage.delete(key);
      return abort;
    },
    async handle(event, transaction, abort) {
      if (abort !== 'unsupported') return;
      deps.logger.warn({ upload_id: event.data.upload_id, storage_key: event.data.storage_key }, MULTIPART_ABORT_UNSUPPORTED);
      await deps.units.join(transaction, (uow) => uow.uploads.appendFailure(event.data.upload_id, MULTIPART_ABORT_UNSUPPORTED));
    },
  };
}
