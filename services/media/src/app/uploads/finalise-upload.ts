import type { FileRecord, InspectedContent, UploadRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import { fileUploaded } from '../../domain/media.events';
import type { MediaUnitOfWork } from '../deps';

/**
 * Turns a pending upload whose bytes are stored and inspected into a file: inserts the files row (id = the
 * upload's id, stored name = the key's last part), marks the upload completed (its reservation becomes the
 * file's size) and publishes `file.uploaded`. Under the upload's row lock: an upload the expiry timer ended
 * meanwhile is refused (its bytes are being released).
 */
export async function finaliseUpload(uow: MediaUnitOfWork, upload: UploadRecord, inspection: InspectedContent, now: Date = new Date()): Promise<FileRecord> {
  const current = await uow.uploads.lockById(upload.id);
  if (!current) throw MediaErrors.uploadNotFound();
  if (current.status !== 'pending') throw MediaErrors.uploadNotPending(current.status);
  const file: FileRecord = {
    id: current.id,
    storageKey: current.storageKey,
    filename: current.storageKey.slice(current.storageKey.lastIndexOf('/') + 1),
    originalFilename: current.originalFilename,
    folder: current.folder,
    fileType: inspection.type.kind,
    mimeType: inspection.type.mime,
    declaredMimeType: current.declaredMimeType,
    fileSize: inspection.size,
    sha256: inspection.sha256,
    storageProvider: current.storageProvider,
    durationSeconds: inspection.durationSeconds,
    thumbnailUrl: null,
    uploadedBy: current.userId,
    uploaderRole: current.userRole,
    isPublic: current.isPublic,
    downloadCount: 0,
    uploadId: current.id,
    uploadedAt: now,
  };
  await uow.files.insert(file);
  await uow.uploads.markCompleted(current.id, file.id, inspection.size, now);
  await uow.emit(fileUploaded(file));
  return file;
}
