import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** A Bitstring Status List: `allocated` of its `size` indexes are taken by certificates. */
export interface StatusListRecord {
  id: number;
  size: number;
  allocated: number;
}

interface StatusListRow {
  id: number;
  size: number;
  allocated: number;
}

const toStatusList = (row: StatusListRow): StatusListRecord => ({ id: Number(row.id), size: Number(row.size), allocated: Number(row.allocated) });

/**
 * Allocation of status-list indexes. Issuing locks the list it takes an index from (`lockOpenList`), so two issues
 * never pick the same index, and a list stops taking new entries once half full: random indexes stay cheap to find
 * and every list keeps hiding which of its entries a verifier asks about.
 */
export class StatusListRepository {
  constructor(private readonly sql: SqlSession) {}

  /** The oldest list still below half full, locked until the unit of work ends; a new list of `size` when none is. */
  async lockOpenList(size: number): Promise<StatusListRecord> {
    for (;;) {
      const open = await this.sql.query<StatusListRow>(
        `SELECT id, size, allocated FROM status_lists WHERE allocated * 2 < size ORDER BY id LIMIT 1 FOR UPDATE`,
        { type: QueryTypes.SELECT, plain: true },
      );
      if (open) return toStatusList(open);
      // two issuers may both find every list full: one insert wins, the other finds the new row on its next turn
      await this.sql.query(
        `INSERT INTO status_lists (id, size, allocated, created_at)
         SELECT COALESCE(MAX(id), 0) + 1, :size, 0, now() FROM status_lists
         ON CONFLICT (id) DO NOTHING`,
        { replacements: { size } },
      );
    }
  }

  /** Whether a certificate already holds this entry (asked while the list is locked). */
  async isIndexTaken(listId: number, index: number): Promise<boolean> {
    const row = await this.sql.query<{ taken: number }>(
      `SELECT 1 AS taken FROM certificates WHERE status_list_id = :listId AND status_list_index = :index`,
      { replacements: { listId, index }, type: QueryTypes.SELECT, plain: true },
    );
    return row !== null;
  }

  async countAllocation(listId: number): Promise<void> {
    await this.sql.query(`UPDATE status_lists SET allocated = allocated + 1 WHERE id = :listId`, { replacements: { listId } });
  }
}
