import type { Caller } from '@lms/kit/auth';
import { remoteFailure } from '@lms/kit/errors';
import type { FileRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import type { MediaDeps } from '../deps';

/** The uploader and admins see everything about a file (uploader id, download count) and may delete it. */
export function managesFile(caller: Caller | undefined, file: Pick<FileRecord, 'uploadedBy'>): boolean {
  return !!caller && (caller.role === 'admin' || caller.userId === file.uploadedBy);
}

/**
 * Who may read a file: anyone when it is public; its uploader; an admin; else whoever catalog says may read a
 * lesson the file is attached to (course owner, enrolled students, preview readers) — asked with the caller's
 * token, which the kit client forwards. Catalog refusing the question (no token, unknown file) means "no";
 * catalog being down is MEDIA.CATALOG_UNAVAILABLE (never a silent "no" that would look like a missing file).
 */
export async function mayRead(deps: Pick<MediaDeps, 'catalog'>, caller: Caller | undefined, file: FileRecord): Promise<boolean> {
  if (file.isPublic || managesFile(caller, file)) return true;
  try {
    const reply = await deps.catalog.CanReadLessonFile({ file_id: file.id });
    return reply.allowed;
  } catch (err) {
    const failure = remoteFailure(err, MediaErrors.catalogUnavailable);
    if (failure.kind === 'unavailable' || failure.kind === 'internal') throw failure;
    return false;
  }
}

/** The file when the caller may read it; MEDIA.FILE_NOT_FOUND otherwise (a private file's existence is not revealed). */
export async function readableFile(deps: Pick<MediaDeps, 'catalog' | 'units'>, caller: Caller | undefined, fileId: string): Promise<FileRecord> {
  const file = await deps.units.read.files.findById(fileId);
  if (!file || !(await mayRead(deps, caller, file))) throw MediaErrors.fileNotFound();
  return file;
}
