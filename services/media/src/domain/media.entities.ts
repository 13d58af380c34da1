import type { FileType } from './validation';

export type UploadKind = 'stream' | 'direct';
export type UploadStatus = 'pending' | 'completed' | 'failed' | 'expired' | 'aborted';
/** How an upload that never produced a file ended. */
export type UploadEnd = 'failed' | 'expired' | 'aborted';
export type StorageProvider = 'local' | 's3';

/** A usable stored object (the seed's `uploaded_files`). Immutable once written, but for `download_count`. */
export interface FileRecord {
  id: string;
  storageKey: string;
  /** The generated stored name, `<uuid><ext>`. */
  filename: string;
  /** The client's name, sanitised: metadata only, never a path. */
  originalFilename: string;
  folder: string;
  fileType: FileType;
  /** From the content (sniffed). */
  mimeType: string;
  declaredMimeType: string | null;
  fileSize: number;
  sha256: string | null;
  storageProvider: StorageProvider;
  durationSeconds: number | null;
  thumbnailUrl: string | null;
  uploadedBy: string;
  uploaderRole: string;
  isPublic: boolean;
  downloadCount: number;
  uploadId: string;
  uploadedAt: Date;
}

/** An upload in flight or finished; a pending one reserves `reservedBytes` of its user's quota. */
export interface UploadRecord {
  id: string;
  kind: UploadKind;
  status: UploadStatus;
  userId: string;
  userRole: string;
  storageKey: string;
  storageProvider: StorageProvider;
  originalFilename: string;
  folder: string;
  isPublic: boolean;
  declaredMimeType: string | null;
  declaredSize: number | null;
  reservedBytes: number;
  multipartUploadId: string | null;
  partSize: number | null;
  receivedBytes: number;
  fileId: string | null;
  failure: string | null;
  expiresAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
}

/** What inspection found out about the bytes (I's InspectionResult, structurally). */
export interface InspectedContent {
  size: number;
  sha256: string | null;
  type: { kind: FileType; mime: string; ext: string };
  durationSeconds: number | null;
}

/** `round(bytes / 1024², 2)`, the seed's file_size_mb. */
export function sizeInMegabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 100) / 100;
}
