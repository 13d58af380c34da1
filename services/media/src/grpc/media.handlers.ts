import { AppError } from '@lms/kit/errors';
import type { MediaDeps } from '../app/deps';

const notYet = () => new AppError('unavailable', 'Not available yet', { code: 'MEDIA.NOT_IMPLEMENTED' });

/** The MediaService over gRPC (being wired: issue 14). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mediaHandlers(_deps: MediaDeps): any {
  const refuse = async () => {
    throw notYet();
  };
  return {
    Upload: refuse,
    GetFile: refuse,
    ListMyFiles: refuse,
    DeleteFile: refuse,
    Download: refuse,
    CreateDirectUpload: refuse,
    PutDirectUploadContent: refuse,
    CompleteDirectUpload: refuse,
    GetDirectUpload: refuse,
    AbortDirectUpload: refuse,
    BatchGetFileFacts: refuse,
  };
}
