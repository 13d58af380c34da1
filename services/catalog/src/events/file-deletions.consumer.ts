import { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { CatalogDeps } from '../app/deps';
import { detachDeletedFile } from '../app/commands/detach-deleted-file';

export const FILE_DELETIONS_QUEUE = 'catalog.file-deletions';

/** The part of media's `file.deleted` the catalog reads (contract in protos/events/README.md § media). */
export const FileDeletedV1 = z
  .object({ file_id: z.string().uuid(), deleted_at: z.string().datetime({ offset: true }) })
  .passthrough();

/**
 * `catalog.file-deletions`: a file deleted in media is detached from every lesson that referenced it (kit
 * EventConsumer: inbox, retries, parking lot; the detaching is idempotent too). DB only: nothing to prepare.
 */
export function fileDeletionsConsumer(deps: CatalogDeps): ConsumerDefinition<z.infer<typeof FileDeletedV1>> {
  return {
    queue: FILE_DELETIONS_QUEUE,
    bindings: ['file.deleted'],
    schema: FileDeletedV1,
    async handle(event, transaction) {
      const cmd = { fileId: event.data.file_id, deletedAt: new Date(event.data.deleted_at) };
      const lessonIds = await deps.units.join(transaction, (uow) => detachDeletedFile(uow, cmd));
      if (lessonIds.length) deps.logger.info({ file_id: cmd.fileId, lesson_ids: lessonIds }, 'deleted file detached from lessons');
    },
  };
}
