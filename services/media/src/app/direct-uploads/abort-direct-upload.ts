import type { Caller } from '@lms/kit/auth';
import type { DirectUpload } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { UploadIdRequest__Output } from '@lms/kit/generated/lms/media/v1/UploadIdRequest';
import type { MediaDeps } from '../deps';
import { failUpload } from '../uploads/fail-upload';
import { directUploadReply } from './direct-upload-view';
import { ownDirectUpload } from './own-direct-upload';

/**
 * The declaring user (or an admin) gives up a pending direct upload: its quota is released at once and its
 * bytes (and an open S3 multipart upload) by the release consumer. Idempotent: an upload that already ended,
 * or completed, is answered as it is.
 */
export async function abortDirectUpload(deps: MediaDeps, caller: Caller, request: UploadIdRequest__Output): Promise<DirectUpload> {
  const upload = await ownDirectUpload(deps, caller, request.upload_id, { adminToo: true });
  if (upload.status === 'pending') await deps.units.run((uow) => failUpload(uow, upload, 'aborted', null, deps.clock()));
  const current = (await deps.units.read.uploads.findById(upload.id)) ?? upload;
  return directUploadReply(deps, current, deps.clock());
}
