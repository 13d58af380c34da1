import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** What a Bitstring Status List credential is built from: the list's size and the indexes of revoked certificates. */
export class StatusListBitsRepository {
  constructor(private readonly sql: SqlSession) {}

  async findList(listId: number): Promise<{ id: number; size: number } | null> {
    return this.sql.query<{ id: number; size: number }>(`SELECT id, size FROM status_lists WHERE id = :listId`, {
      replacements: { listId },
      type: QueryTypes.SELECT,
      plain: true,
    });
  }

  /** Served by the partial index `certificates_revoked_idx` (status = 'revoked'). */
  async revokedIndexes(listId: number): Promise<number[]> {
    const rows = await this.sql.query<{ status_list_index: number }>(
      `SELECT status_list_index FROM certificates WHERE status_list_id = :listId AND status = 'revoked'`,
      { replacements: { listId }, type: QueryTypes.SELECT },
    );
    return rows.map((row) => row.status_list_index);
  }
}
