import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { FileRecord, StorageProvider } from '../domain/media.entities';
import type { FileType } from '../domain/validation';

interface FileRow {
  id: string;
  storage_key: string;
  filename: string;
  original_filename: string;
  folder: string;
  file_type: FileType;
  mime_type: string;
  declared_mime_type: string | null;
  file_size: string | number;
  sha256: string | null;
  storage_provider: StorageProvider;
  duration_seconds: number | null;
  thumbnail_url: string | null;
  uploaded_by: string;
  uploader_role: string;
  is_public: boolean;
  download_count: string | number;
  upload_id: string;
  uploaded_at: Date;
}

function toFile(row: FileRow): FileRecord {
  return {
    id: row.id,
    storageKey: row.storage_key,
    filename: row.filename,
    originalFilename: row.original_filename,
    folder: row.folder,
    fileType: row.file_type,
    mimeType: row.mime_type,
    declaredMimeType: row.declared_mime_type,
    fileSize: Number(row.file_size),
    sha256: row.sha256 ? row.sha256.trim() : null,
    storageProvider: row.storage_provider,
    durationSeconds: row.duration_seconds,
    thumbnailUrl: row.thumbnail_url,
    uploadedBy: row.uploaded_by,
    uploaderRole: row.uploader_role,
    isPublic: row.is_public,
    downloadCount: Number(row.download_count),
    uploadId: row.upload_id,
    uploadedAt: row.uploaded_at,
  };
}

export class FileRepository {
  constructor(private readonly sql: SqlSession) {}

  async insert(file: FileRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO files (id, storage_key, filename, original_filename, folder, file_type, mime_type, declared_mime_type,
         file_size, sha256, storage_provider, duration_seconds, thumbnail_url, uploaded_by, uploader_role, is_public,
         download_count, upload_id, uploaded_at)
       VALUES (:id, :storageKey, :filename, :originalFilename, :folder, :fileType, :mimeType, :declaredMimeType,
         :fileSize, :sha256, :storageProvider, :durationSeconds, :thumbnailUrl, :uploadedBy, :uploaderRole, :isPublic,
         :downloadCount, :uploadId, :uploadedAt)`,
      { replacements: { ...file } },
    );
  }

  async findById(id: string): Promise<FileRecord | null> {
    const row = await this.sql.query<FileRow>(`SELECT * FROM files WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT, plain: true });
    return row ? toFile(row) : null;
  }

  /** The row, locked until the unit of work ends (a delete racing another delete). */
  async lockById(id: string): Promise<FileRecord | null> {
    const row = await this.sql.query<FileRow>(`SELECT * FROM files WHERE id = :id FOR UPDATE`, { replacements: { id }, type: QueryTypes.SELECT, plain: true });
    return row ? toFile(row) : null;
  }

  async findMany(ids: string[]): Promise<FileRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<FileRow>(`SELECT * FROM files WHERE id IN (:ids)`, { replacements: { ids }, type: QueryTypes.SELECT });
    return rows.map(toFile);
  }

  /** One page of a user's files, newest first, and how many there are. */
  async listByUploader(userId: string, fileType: FileType | '', window: { offset: number; limit: number }): Promise<{ files: FileRecord[]; total: number }> {
    const where = `uploaded_by = :userId${fileType ? ' AND file_type = :fileType' : ''}`;
    const replacements = { userId, fileType, offset: window.offset, limit: window.limit };
    const [rows, count] = await Promise.all([
      this.sql.query<FileRow>(`SELECT * FROM files WHERE ${where} ORDER BY uploaded_at DESC, id DESC OFFSET :offset LIMIT :limit`, {
        replacements,
        type: QueryTypes.SELECT,
      }),
      this.sql.query<{ total: string }>(`SELECT COUNT(*) AS total FROM files WHERE ${where}`, { replacements, type: QueryTypes.SELECT, plain: true }),
    ]);
    return { files: rows.map(toFile), total: Number(count?.total ?? 0) };
  }

  async delete(id: string): Promise<void> {
    await this.sql.query(`DELETE FROM files WHERE id = :id`, { replacements: { id } });
  }

  /** One more download (a short statement of its own, never held while bytes stream). */
  async countDownload(id: string): Promise<void> {
    await this.sql.query(`UPDATE files SET download_count = download_count + 1 WHERE id = :id`, { replacements: { id } });
  }
}
