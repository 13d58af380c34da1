import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { Section } from '../domain/lesson';

interface SectionRow {
  id: string;
  course_id: string;
  title: string;
  description: string;
  order_index: number;
  created_at: Date;
  updated_at: Date;
}

function toSection(row: SectionRow): Section {
  return {
    id: row.id,
    courseId: row.course_id,
    title: row.title,
    description: row.description,
    orderIndex: row.order_index,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/**
 * Sections of a course, positioned 0..n-1. Callers hold the course row lock (FOR UPDATE) for every
 * write, so positions are computed without races; the deferred unique constraint is the safety net.
 */
export class SectionRepository {
  constructor(private readonly sql: SqlSession) {}

  /** Appends a section at the end of the course. */
  async append(courseId: string, values: { title: string; description: string }): Promise<Section> {
    const rows = await this.sql.query<SectionRow>(
      `INSERT INTO sections (id, course_id, title, description, order_index)
       VALUES ($id, $courseId, $title, $description, (SELECT count(*) FROM sections WHERE course_id = $courseId))
       RETURNING *`,
      { type: QueryTypes.SELECT, bind: { id: randomUUID(), courseId, ...values } },
    );
    return toSection(rows[0]);
  }

  async findById(id: string): Promise<Section | undefined> {
    const rows = await this.sql.query<SectionRow>('SELECT * FROM sections WHERE id = $id', {
      type: QueryTypes.SELECT,
      bind: { id },
    });
    return rows[0] && toSection(rows[0]);
  }

  async listByCourse(courseId: string): Promise<Section[]> {
    const rows = await this.sql.query<SectionRow>(
      'SELECT * FROM sections WHERE course_id = $courseId ORDER BY order_index',
      { type: QueryTypes.SELECT, bind: { courseId } },
    );
    return rows.map(toSection);
  }

  async update(id: string, values: { title?: string; description?: string }): Promise<Section> {
    const sets = ['updated_at = now()'];
    const bind: Record<string, unknown> = { id };
    if (values.title !== undefined) {
      sets.push('title = $title');
      bind.title = values.title;
    }
    if (values.description !== undefined) {
      sets.push('description = $description');
      bind.description = values.description;
    }
    const rows = await this.sql.query<SectionRow>(`UPDATE sections SET ${sets.join(', ')} WHERE id = $id RETURNING *`, {
      type: QueryTypes.SELECT,
      bind,
    });
    return toSection(rows[0]);
  }

  /** Deletes a section and closes the gap in the course's positions. */
  async delete(section: Section): Promise<void> {
    await this.sql.query('DELETE FROM sections WHERE id = $id', { bind: { id: section.id } });
    await this.sql.query(
      'UPDATE sections SET order_index = order_index - 1 WHERE course_id = $courseId AND order_index > $position',
      { bind: { courseId: section.courseId, position: section.orderIndex } },
    );
  }

  /** Sets every section's position at once (the deferred constraint is checked at commit). */
  async setPositions(positions: { id: string; orderIndex: number }[]): Promise<void> {
    if (!positions.length) return;
    await this.sql.query(
      `UPDATE sections s SET order_index = p.order_index, updated_at = now()
       FROM unnest($ids::uuid[], $positions::int[]) AS p(id, order_index)
       WHERE s.id = p.id AND s.order_index <> p.order_index`,
      { bind: { ids: positions.map((p) => p.id), positions: positions.map((p) => p.orderIndex) } },
    );
  }
}
