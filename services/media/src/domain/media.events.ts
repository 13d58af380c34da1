import type { DomainEvent } from '@lms/kit/events';

/**
 * The facts the media service publishes. Public (documented in protos/events/README.md, section "media", and
 * kept in the event log): `file.uploaded`, `file.deleted`. Internal (our own consumers only, never in the log):
 * `media.upload_expiry_due` (the timer that cleans up an upload left pending) and `media.object_orphaned` (bytes
 * in storage that no row needs any more). Builders are pure; the unit of work writes them to the outbox.
 */
export const EVENT_SOURCE = 'lms/media';

export const FILE_UPLOADED = 'file.uploaded';
export const FILE_DELETED = 'file.deleted';
export const UPLOAD_EXPIRY_DUE = 'media.upload_expiry_due';
export const OBJECT_ORPHANED = 'media.object_orphaned';

/** The public event types, kept in the service's event log. */
export const PUBLIC_EVENT_TYPES = [FILE_UPLOADED, FILE_DELETED];

export interface FileUploadedV1 {
  file_id: string;
  uploaded_by: string;
  file_type: string;
  mime_type: string;
  file_size: number;
  is_public: boolean;
  storage_provider: string;
  duration_seconds: number | null;
  uploaded_at: string;
}

export interface FileDeletedV1 {
  file_id: string;
  uploaded_by: string;
  deleted_by: string;
  file_size: number;
  deleted_at: string;
}

export interface UploadExpiryDueV1 {
  upload_id: string;
  due_at: string;
}

export interface ObjectOrphanedV1 {
  upload_id: string;
  storage_key: string;
  /** S3 multipart uploads still open: aborted so their parts stop costing storage. */
  multipart_upload_id?: string | null;
}

/** What the builders read from a file row (structural: this file depends on nothing). */
export interface FileFacts {
  id: string;
  uploadedBy: string;
  fileType: string;
  mimeType: string;
  fileSize: number;
  isPublic: boolean;
  storageProvider: string;
  durationSeconds: number | null;
  uploadedAt: Date;
}

export function fileUploaded(file: FileFacts): DomainEvent<FileUploadedV1> {
  return {
    type: FILE_UPLOADED,
    subject: file.id,
    time: file.uploadedAt,
    data: {
      file_id: file.id,
      uploaded_by: file.uploadedBy,
      file_type: file.fileType,
      mime_type: file.mimeType,
      file_size: file.fileSize,
      is_public: file.isPublic,
      storage_provider: file.storageProvider,
      duration_seconds: file.durationSeconds,
      uploaded_at: file.uploadedAt.toISOString(),
    },
  };
}

export function fileDeleted(file: Pick<FileFacts, 'id' | 'uploadedBy' | 'fileSize'>, deletedBy: string, deletedAt: Date): DomainEvent<FileDeletedV1> {
  return {
    type: FILE_DELETED,
    subject: file.id,
    time: deletedAt,
    data: { file_id: file.id, uploaded_by: file.uploadedBy, deleted_by: deletedBy, file_size: file.fileSize, deleted_at: deletedAt.toISOString() },
  };
}

export function uploadExpiryDue(uploadId: string, dueAt: Date, now: Date): DomainEvent<UploadExpiryDueV1> {
  return { type: UPLOAD_EXPIRY_DUE, subject: uploadId, time: now, data: { upload_id: uploadId, due_at: dueAt.toISOString() } };
}

export function objectOrphaned(
  upload: { id: string; storageKey: string; multipartUploadId?: string | null },
  now: Date,
): DomainEvent<ObjectOrphanedV1> {
  return {
    type: OBJECT_ORPHANED,
    subject: upload.id,
    time: now,
    data: { upload_id: upload.id, storage_key: upload.storageKey, multipart_upload_id: upload.multipartUploadId ?? null },
  };
}
