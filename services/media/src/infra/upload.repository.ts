import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { UploadEnd, UploadKind, UploadRecord, UploadStatus, StorageProvider } from '../domain/media.entities';

interface UploadRow {
  id: string;
  kind: UploadKind;
  status: UploadStatus;
  user_id: string;
  user_role: string;
  storage_key: string;
  storage_provider: StorageProvider;
  original_filename: string;
  folder: string;
  is_public: boolean;
  declared_mime_type: string | null;
  declared_size: string | number | null;
  reserved_bytes: string | number;
  multipart_upload_id: string | null;
  part_size: string | number | null;
  received_bytes: string | number;
  file_id: string | null;
  failure: string | null;
  expires_at: Date;
  created_at: Date;
  finished_at: Date | null;
}

const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value));

function toUpload(row: UploadRow): UploadRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    userId: row.user_id,
    userRole: row.user_role,
    storageKey: row.storage_key,
    storageProvider: row.storage_provider,
    originalFilename: row.original_filename,
    folder: row.folder,
    isPublic: row.is_public,
    declaredMimeType: row.declared_mime_type,
    declaredSize: numberOrNull(row.declared_size),
    reservedBytes: Number(row.reserved_bytes),
    multipartUploadId: row.multipart_upload_id,
    partSize: numberOrNull(row.part_size),
    receivedBytes: Number(row.received_bytes),
    fileId: row.file_id,
    failure: row.failure,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export class UploadRepository {
  constructor(private readonly sql: SqlSession) {}

  /**
   * Serialises quota checks of one user until the unit of work ends (transaction-scoped advisory lock), so two
   * parallel uploads cannot both see the same free space.
   */
  async lockQuota(userId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext('media-quota:' || :userId))`, { replacements: { userId }, type: QueryTypes.SELECT });
  }

  /** Bytes the user's quota holds: files kept plus what pending uploads reserve. */
  async usedBytes(userId: string): Promise<number> {
    const row = await this.sql.query<{ used: string }>(
      `SELECT (SELECT COALESCE(SUM(file_size), 0) FROM files WHERE uploaded_by = :userId)
            + (SELECT COALESCE(SUM(reserved_bytes), 0) FROM uploads WHERE user_id = :userId AND status = 'pending') AS used`,
      { replacements: { userId }, type: QueryTypes.SELECT, plain: true },
    );
    return Number(row?.used ?? 0);
  }

  async insert(upload: UploadRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO uploads (id, kind, status, user_id, user_role, storage_key, storage_provider, original_filename, folder,
         is_public, declared_mime_type, declared_size, reserved_bytes, multipart_upload_id, part_size, received_bytes,
         file_id, failure, expires_at, created_at, finished_at)
       VALUES (:id, :kind, :status, :userId, :userRole, :storageKey, :storageProvider, :originalFilename, :folder,
         :isPublic, :declaredMimeType, :declaredSize, :reservedBytes, :multipartUploadId, :partSize, :receivedBytes,
         :fileId, :failure, :expiresAt, :createdAt, :finishedAt)`,
      { replacements: { ...upload } },
    );
  }

  async findById(id: string): Promise<UploadRecord | null> {
    const row = await this.sql.query<UploadRow>(`SELECT * FROM uploads WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT, plain: true });
    return row ? toUpload(row) : null;
  }

  /** The row, locked until the unit of work ends (finishing an upload races its expiry timer). */
  async lockById(id: string): Promise<UploadRecord | null> {
    const row = await this.sql.query<UploadRow>(`SELECT * FROM uploads WHERE id = :id FOR UPDATE`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      plain: true,
    });
    return row ? toUpload(row) : null;
  }

  async markCompleted(id: string, fileId: string, receivedBytes: number, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE uploads SET status = 'completed', file_id = :fileId, received_bytes = :receivedBytes, reserved_bytes = 0, finished_at = :at WHERE id = :id`,
      { replacements: { id, fileId, receivedBytes, at } },
    );
  }

  async markEnded(id: string, status: UploadEnd, failure: string | null, at: Date): Promise<void> {
    await this.sql.query(`UPDATE uploads SET status = :status, failure = :failure, reserved_bytes = 0, finished_at = :at WHERE id = :id`, {
      replacements: { id, status, failure, at },
    });
  }

  /** Appends what the cleanup of an ended upload had to report (kept visible on the row). */
  async appendFailure(id: string, note: string): Promise<void> {
    await this.sql.query(`UPDATE uploads SET failure = CASE WHEN failure IS NULL OR failure = '' THEN :note ELSE failure || '; ' || :note END WHERE id = :id`, {
      replacements: { id, note },
    });
  }
}
