import type { Caller } from '@lms/kit/auth';
import type { FileFacts } from '@lms/kit/generated/lms/media/v1/FileFacts';
import type { DownloadHead } from '@lms/kit/generated/lms/media/v1/DownloadHead';
import type { MediaConfig } from '../config';
import { fileMessage } from '../app/files/file-view';
import type { FileRecord } from '../domain/media.entities';

/** The File reply is built in the app layer (direct uploads answer it too); re-exported for the handlers. */
export { fileMessage };

export function factsMessage(file: FileRecord): FileFacts {
  return {
    id: file.id,
    uploaded_by: file.uploadedBy,
    uploader_role: file.uploaderRole,
    file_type: file.fileType,
    mime_type: file.mimeType,
    original_filename: file.originalFilename,
    file_size: file.fileSize,
    is_public: file.isPublic,
  };
}

/** Files are immutable: the id is a strong validator. */
export const etagOf = (fileId: string) => `"${fileId}"`;

export function downloadHead(config: Pick<MediaConfig, 'PUBLIC_API_URL'>, caller: Caller | undefined, file: FileRecord, range: { start: number; end: number; partial: boolean }): DownloadHead {
  return {
    file: fileMessage(config, caller, file),
    total_size: file.fileSize,
    partial: range.partial,
    range_start: range.start,
    range_end: range.end,
    content_length: range.end - range.start + 1,
    etag: etagOf(file.id),
  };
}
