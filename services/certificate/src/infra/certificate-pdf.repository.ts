import type { SqlSession } from '@lms/kit/db';

/** Where a certificate's PDF is: written by the render job, and the time a render was last asked for. */
export interface RecordedPdf {
  key: string;
  size: number;
  renderedAt: Date;
  /** The template it was rendered with; null = the built-in one. */
  templateId: string | null;
}

/** The PDF columns of `certificates` (the render job's only writes); the rest of the row is CORE's repository's. */
export class CertificatePdfRepository {
  constructor(private readonly sql: SqlSession) {}

  async recordPdf(id: string, pdf: RecordedPdf): Promise<void> {
    await this.sql.query(
      `UPDATE certificates SET pdf_key = :key, pdf_size = :size, pdf_rendered_at = :renderedAt, template_id = :templateId WHERE id = :id`,
      { replacements: { id, key: pdf.key, size: pdf.size, renderedAt: pdf.renderedAt, templateId: pdf.templateId } },
    );
  }

  async markRequested(id: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE certificates SET pdf_requested_at = :at WHERE id = :id`, { replacements: { id, at } });
  }
}
