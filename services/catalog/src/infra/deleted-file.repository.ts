import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/**
 * The media files the catalog has seen deleted (`file.deleted`), and the per-file advisory locks that order
 * a lesson write against a deletion: a write holds the shared lock of every file it attaches from its check
 * of `deleted_files` to its commit; the deletion holds the exclusive one while it records the id and detaches
 * the file. Either the write commits first (the deletion then finds and detaches the reference) or the
 * deletion does (the write then sees the id here and refuses the file). Both take these locks BEFORE any
 * course row lock, so they never wait on each other in a cycle.
 */
export class DeletedFileRepository {
  constructor(private readonly sql: SqlSession) {}

  async lockShared(fileIds: string[]): Promise<void> {
    if (!fileIds.length) return;
    await this.sql.query(`SELECT pg_advisory_xact_lock_shared(hashtext('catalog-file:' || id)) FROM unnest($ids::text[]) AS id`, {
      type: QueryTypes.SELECT,
      bind: { ids: fileIds },
    });
  }

  async lockExclusive(fileId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext('catalog-file:' || $id::text))`, {
      type: QueryTypes.SELECT,
      bind: { id: fileId },
    });
  }

  /** Idempotent (a redelivered deletion keeps the first time). */
  async record(fileId: string, deletedAt: Date): Promise<void> {
    await this.sql.query('INSERT INTO deleted_files (file_id, deleted_at) VALUES ($fileId, $deletedAt) ON CONFLICT (file_id) DO NOTHING', {
      bind: { fileId, deletedAt },
    });
  }

  async among(fileIds: string[]): Promise<Set<string>> {
    if (!fileIds.length) return new Set();
    const rows = await this.sql.query<{ file_id: string }>('SELECT file_id FROM deleted_files WHERE file_id = ANY($ids::uuid[])', {
      type: QueryTypes.SELECT,
      bind: { ids: fileIds },
    });
    return new Set(rows.map((r) => r.file_id));
  }
}
