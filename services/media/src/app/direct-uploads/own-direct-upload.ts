import type { Caller } from '@lms/kit/auth';
import { isUuid } from '@lms/kit/errors';
import type { UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import type { MediaDeps } from '../deps';

/**
 * The direct upload `uploadId` as `caller` may see it: the declaring user's, or any for an administrator when
 * `adminToo`. Anyone else gets UPLOAD_NOT_FOUND, as for an id that does not exist (an upload's existence is
 * not revealed).
 */
export async function ownDirectUpload(deps: Pick<MediaDeps, 'units'>, caller: Caller, uploadId: string, opts: { adminToo: boolean }): Promise<UploadRecord> {
  if (!isUuid(uploadId)) throw MediaErrors.uploadNotFound();
  const upload = await deps.units.read.uploads.findById(uploadId.toLowerCase());
  if (!upload || upload.kind !== 'direct') throw MediaErrors.uploadNotFound();
  const allowed = upload.userId === caller.userId || (opts.adminToo && caller.role === 'admin');
  if (!allowed) throw MediaErrors.uploadNotFound();
  return upload;
}
