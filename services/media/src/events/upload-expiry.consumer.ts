import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { MediaDeps } from '../app/deps';
import { failUpload } from '../app/uploads/fail-upload';
import { UPLOAD_EXPIRY_DUE } from '../domain/media.events';
import { UPLOAD_EXPIRY_QUEUE, UploadExpiryDueV1 } from './media.events.schema';

const EXPIRED = {
  stream: 'expired: the upload did not finish in time (the connection or the process handling it was lost)',
  direct: 'expired: the upload was not completed before its URLs expired',
};

/**
 * Cleans up uploads left pending, without cron: our own `media.upload_expiry_due` is held by the kit's delay
 * queues until `due_at` and handled then, once. An upload still pending (a process that died mid-stream, an
 * abandoned direct upload) is ended as `expired`, which frees its quota and releases its bytes
 * (`media.object_orphaned`); one that finished meanwhile is left alone.
 */
export function uploadExpiryConsumer(deps: MediaDeps): ConsumerDefinition<z.infer<typeof UploadExpiryDueV1>> {
  return {
    queue: UPLOAD_EXPIRY_QUEUE,
    bindings: [UPLOAD_EXPIRY_DUE],
    schema: UploadExpiryDueV1,
    dueAt: (event) => new Date(event.data.due_at),
    async handle(event, transaction) {
      const expired = await deps.units.join(transaction, async (uow) => {
        const upload = await uow.uploads.findById(event.data.upload_id);
        if (!upload || upload.status !== 'pending') return false;
        return failUpload(uow, upload, 'expired', EXPIRED[upload.kind], deps.clock());
      });
      if (expired) deps.logger.info({ upload_id: event.data.upload_id }, 'pending upload expired; its bytes are released');
    },
  };
}
