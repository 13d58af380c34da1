import type { Caller } from '@lms/kit/auth';
import type { Paging } from '@lms/kit/errors';
import type { FileRecord } from '../../domain/media.entities';
import { Checker } from '../../domain/validation';
import type { MediaDeps } from '../deps';

export interface ListMyFilesInput {
  file_type: string;
  page: number;
  page_size: number;
  use_offset: boolean;
  offset: number;
}

/** The caller's own files, newest first, optionally of one type; paged, or skip/limit as the seed had it. */
export async function listMyFiles(deps: MediaDeps, caller: Caller, input: ListMyFilesInput): Promise<{ files: FileRecord[]; total: number; paging: Paging }> {
  const check = new Checker();
  const fileType = check.fileType('file_type', input.file_type);
  const paging = check.listWindow(input);
  check.throwIfAny();
  const page = await deps.units.read.files.listByUploader(caller.userId, fileType, { offset: paging.offset, limit: paging.pageSize });
  return { ...page, paging };
}
