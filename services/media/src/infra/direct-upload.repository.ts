import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';

/**
 * SQL only direct uploads need (the shared upload rows are UploadRepository's): the S3 multipart upload an upload
 * opened, and the bytes a local content PUT delivered. Both only touch a row still pending, so a late write
 * never revives an upload that expired or was aborted meanwhile; each answers whether it did.
 */
export class DirectUploadRepository {
  constructor(private readonly sql: SqlSession) {}

  async recordMultipart(id: string, multipartUploadId: string, partSize: number): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE uploads SET multipart_upload_id = :multipartUploadId, part_size = :partSize
       WHERE id = :id AND status = 'pending' RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, multipartUploadId, partSize } },
    );
    return rows.length > 0;
  }

  async recordReceived(id: string, receivedBytes: number): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE uploads SET received_bytes = :receivedBytes WHERE id = :id AND status = 'pending' RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, receivedBytes } },
    );
    return rows.length > 0;
  }
}
