import type { Caller } from '@lms/kit/auth';
import type { FileRecord } from '../../domain/media.entities';
import type { MediaDeps } from '../deps';
import { readableFile } from './access';
import { checkFileId } from './file-id';

/** A file's metadata, for whoever may read it (anonymous callers included, for public files). */
export function getFile(deps: MediaDeps, caller: Caller | undefined, rawFileId: string): Promise<FileRecord> {
  return readableFile(deps, caller, checkFileId(rawFileId));
}
