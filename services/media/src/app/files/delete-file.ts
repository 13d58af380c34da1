import type { Caller } from '@lms/kit/auth';
import { MediaErrors } from '../../domain/media.errors';
import { fileDeleted, objectOrphaned } from '../../domain/media.events';
import type { MediaDeps } from '../deps';
import { managesFile, mayRead } from './access';
import { checkFileId } from './file-id';

/**
 * Deletes a file: its uploader or an admin. Someone who may read it but not delete it gets MEDIA.NOT_FILE_OWNER;
 * anyone else MEDIA.FILE_NOT_FOUND (its existence is not revealed). The row goes and `file.deleted` (catalog
 * detaches it from lessons) and `media.object_orphaned` (the release consumer removes the bytes, with retries)
 * are published in the same unit: the bytes never outlive the row for long, and never go before it.
 */
export async function deleteFile(deps: MediaDeps, caller: Caller, rawFileId: string): Promise<void> {
  const fileId = checkFileId(rawFileId);
  const file = await deps.units.read.files.findById(fileId);
  if (!file) throw MediaErrors.fileNotFound();
  if (!managesFile(caller, file)) throw (await mayRead(deps, caller, file)) ? MediaErrors.notFileOwner() : MediaErrors.fileNotFound();
  await deps.units.run(async (uow) => {
    const current = await uow.files.lockById(fileId);
    if (!current) throw MediaErrors.fileNotFound();
    const now = deps.clock();
    await uow.files.delete(fileId);
    await uow.emit(fileDeleted(current, caller.userId, now), objectOrphaned({ id: current.uploadId, storageKey: current.storageKey }, now));
  });
}
