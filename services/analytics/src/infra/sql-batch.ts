import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/**
 * Several writes sent as ONE statement (data-modifying CTEs, executed in the order added), so a handler
 * pays one round trip for saving its fact rows and every aggregate delta. Parameters are bound, never
 * inlined. A statement may change a row once: callers merge what touches the same row (see `delta`).
 */
export class SqlBatch {
  private readonly parts: string[] = [];
  readonly bind: Record<string, unknown> = {};
  private params = 0;

  /** A bound parameter (`$pN`, with an optional cast). */
  param(value: unknown, cast?: string): string {
    const name = `p${this.params++}`;
    this.bind[name] = value;
    return cast ? `$${name}::${cast}` : `$${name}`;
  }

  /** Adds a data-modifying statement; returns the CTE name others can read its RETURNING rows from. */
  add(statement: string): string {
    const name = `w${this.parts.length}`;
    this.parts.push(`${name} AS (${statement})`);
    return name;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** Runs the batch on a session (nothing when empty). */
  async run(sql: SqlSession): Promise<void> {
    if (this.parts.length === 0) return;
    await sql.query(`WITH ${this.parts.join(',\n')} SELECT 1 AS done`, { type: QueryTypes.SELECT, bind: this.bind });
  }
}
