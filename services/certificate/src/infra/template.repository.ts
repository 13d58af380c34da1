import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { TemplateRecord } from '../domain/templates/template.entities';

interface TemplateRow {
  id: string;
  name: string;
  description: string | null;
  html_template: string;
  css_styles: string | null;
  is_default: boolean;
  is_active: boolean;
  course_id: string | null;
  created_at: Date;
  updated_at: Date;
}

function toTemplate(row: TemplateRow): TemplateRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    htmlTemplate: row.html_template,
    cssStyles: row.css_styles,
    isDefault: row.is_default,
    isActive: row.is_active,
    courseId: row.course_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    builtIn: false,
  };
}

/**
 * `certificate_templates`: the admins' templates (the built-in one lives in code). At most one active platform
 * default and one active template per course: unique partial indexes, so a racing second one is a unique violation.
 */
export class TemplateRepository {
  constructor(private readonly sql: SqlSession) {}

  /** Newest first; `courseId` narrows to one course's templates. */
  async list(courseId: string | null): Promise<TemplateRecord[]> {
    const rows = await this.sql.query<TemplateRow>(
      `SELECT * FROM certificate_templates WHERE (CAST(:courseId AS uuid) IS NULL OR course_id = :courseId) ORDER BY created_at DESC, id DESC`,
      { replacements: { courseId }, type: QueryTypes.SELECT },
    );
    return rows.map(toTemplate);
  }

  async findById(id: string): Promise<TemplateRecord | null> {
    const row = await this.sql.query<TemplateRow>(`SELECT * FROM certificate_templates WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT, plain: true });
    return row ? toTemplate(row) : null;
  }

  /** The row, locked until the unit of work ends (two admins editing one template). */
  async lockById(id: string): Promise<TemplateRecord | null> {
    const row = await this.sql.query<TemplateRow>(`SELECT * FROM certificate_templates WHERE id = :id FOR UPDATE`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      plain: true,
    });
    return row ? toTemplate(row) : null;
  }

  async findActiveForCourse(courseId: string): Promise<TemplateRecord | null> {
    const row = await this.sql.query<TemplateRow>(`SELECT * FROM certificate_templates WHERE course_id = :courseId AND is_active`, {
      replacements: { courseId },
      type: QueryTypes.SELECT,
      plain: true,
    });
    return row ? toTemplate(row) : null;
  }

  async findActiveDefault(): Promise<TemplateRecord | null> {
    const row = await this.sql.query<TemplateRow>(`SELECT * FROM certificate_templates WHERE is_default AND is_active`, { type: QueryTypes.SELECT, plain: true });
    return row ? toTemplate(row) : null;
  }

  async insert(template: TemplateRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO certificate_templates (id, name, description, html_template, css_styles, is_default, is_active, course_id, created_at, updated_at)
       VALUES (:id, :name, :description, :htmlTemplate, :cssStyles, :isDefault, :isActive, :courseId, :createdAt, :updatedAt)`,
      { replacements: { ...template } },
    );
  }

  async update(template: TemplateRecord): Promise<void> {
    await this.sql.query(
      `UPDATE certificate_templates SET name = :name, description = :description, html_template = :htmlTemplate, css_styles = :cssStyles,
         is_default = :isDefault, is_active = :isActive, updated_at = :updatedAt WHERE id = :id`,
      { replacements: { ...template } },
    );
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(`DELETE FROM certificate_templates WHERE id = :id RETURNING id`, {
      replacements: { id },
      type: QueryTypes.SELECT,
    });
    return rows.length > 0;
  }
}
