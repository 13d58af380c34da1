import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/** Helpers of the read repositories: typed SELECTs and column conversions (numeric/bigint arrive as strings). */
export class ReadSql {
  constructor(private readonly sql: SqlSession) {}

  rows<T extends object = Record<string, unknown>>(sql: string, replacements: Record<string, unknown> = {}): Promise<T[]> {
    return this.sql.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  }

  async one<T extends object = Record<string, unknown>>(sql: string, replacements: Record<string, unknown> = {}): Promise<T | null> {
    return (await this.rows<T>(sql, replacements))[0] ?? null;
  }
}

export type Row = Record<string, unknown>;

/** A numeric/bigint/count column as a number (null → 0). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** A numeric column that may be NULL. */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

/** A timestamptz column (Date, string or NULL). */
export function time(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

export function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** SQL: published and not archived nor deleted (alias `c` for courses). */
export const LISTED_COURSE = 'c.is_published AND NOT c.is_archived AND c.deleted_at IS NULL';
/** SQL: a lesson in the course's published order (alias `l`). */
export const PUBLISHED_LESSON = 'l.position IS NOT NULL AND l.is_published AND l.deleted_at IS NULL';

/** The name to show for a user: "Deleted user" once deleted, "" when unknown (never an error). */
export function displayName(row: { full_name?: unknown; deleted_at?: unknown } | null | undefined): string {
  if (!row) return '';
  if (row.deleted_at) return 'Deleted user';
  return text(row.full_name);
}
