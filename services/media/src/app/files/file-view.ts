import type { Caller } from '@lms/kit/auth';
import type { File } from '@lms/kit/generated/lms/media/v1/File';
import type { MediaConfig } from '../../config';
import { sizeInMegabytes, type FileRecord } from '../../domain/media.entities';
import { managesFile } from './access';

/** The gateway's download URL of a file (the only URL a file has: storage is never served directly). */
export function fileUrl(config: Pick<MediaConfig, 'PUBLIC_API_URL'>, fileId: string): string {
  return `${config.PUBLIC_API_URL.replace(/\/+$/, '')}/api/v1/files/download/${fileId}`;
}

/** A file as callers see it; uploader id and download count only for its uploader and admins. */
export function fileMessage(config: Pick<MediaConfig, 'PUBLIC_API_URL'>, caller: Caller | undefined, file: FileRecord): File {
  const manages = managesFile(caller, file);
  return {
    id: file.id,
    filename: file.filename,
    original_filename: file.originalFilename,
    file_url: fileUrl(config, file.id),
    file_type: file.fileType,
    mime_type: file.mimeType,
    file_size: file.fileSize,
    file_size_mb: sizeInMegabytes(file.fileSize),
    storage_provider: file.storageProvider,
    duration_seconds: file.durationSeconds ?? 0,
    thumbnail_url: file.thumbnailUrl ?? '',
    uploaded_at: file.uploadedAt.toISOString(),
    is_public: file.isPublic,
    folder: file.folder,
    uploaded_by: manages ? file.uploadedBy : '',
    download_count: manages ? file.downloadCount : 0,
    sha256: file.sha256 ?? '',
  };
}
