import type { Caller } from '@lms/kit/auth';
import type { DirectUpload } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { UploadIdRequest__Output } from '@lms/kit/generated/lms/media/v1/UploadIdRequest';
import type { MediaDeps } from '../deps';
import { directUploadReply } from './direct-upload-view';
import { ownDirectUpload } from './own-direct-upload';

/** A direct upload as its declaring user (or an admin) sees it: status, parts (URLs while usable), failure. */
export async function getDirectUpload(deps: MediaDeps, caller: Caller, request: UploadIdRequest__Output): Promise<DirectUpload> {
  const upload = await ownDirectUpload(deps, caller, request.upload_id, { adminToo: true });
  return directUploadReply(deps, upload, deps.clock());
}
