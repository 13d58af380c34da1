import { QueryTypes } from 'sequelize';
import type { SqlSession } from '@lms/kit/db';
import type { CertificateRecord, CertificateStatus, IssuedVia } from '../domain/certificate.entities';

/** A `certificates` row as PostgreSQL returns it. */
export interface CertificateRow {
  id: string;
  certificate_number: string;
  enrollment_id: string;
  student_id: string;
  course_id: string;
  student_name: string;
  course_title: string;
  instructor_id: string | null;
  instructor_name: string;
  completion_date: Date;
  final_grade: string;
  total_hours: string | null;
  issued_by: string;
  signature_name: string | null;
  issued_at: Date;
  issued_via: IssuedVia;
  issued_by_user_id: string | null;
  status: CertificateStatus;
  revoked_at: Date | null;
  revocation_reason: string | null;
  revoked_by: string | null;
  pdf_key: string | null;
  pdf_size: number | null;
  pdf_rendered_at: Date | null;
  pdf_requested_at: Date;
  template_id: string | null;
  status_list_id: number;
  status_list_index: number;
}

export function toCertificate(row: CertificateRow): CertificateRecord {
  return {
    id: row.id,
    certificateNumber: row.certificate_number,
    enrollmentId: row.enrollment_id,
    studentId: row.student_id,
    courseId: row.course_id,
    studentName: row.student_name,
    courseTitle: row.course_title,
    instructorId: row.instructor_id,
    instructorName: row.instructor_name,
    completionDate: row.completion_date,
    finalGrade: row.final_grade,
    totalHours: row.total_hours,
    issuedBy: row.issued_by,
    signatureName: row.signature_name,
    issuedAt: row.issued_at,
    issuedVia: row.issued_via,
    issuedByUserId: row.issued_by_user_id,
    status: row.status,
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
    revokedBy: row.revoked_by,
    pdfKey: row.pdf_key,
    pdfSize: row.pdf_size === null ? null : Number(row.pdf_size),
    pdfRenderedAt: row.pdf_rendered_at,
    pdfRequestedAt: row.pdf_requested_at,
    templateId: row.template_id,
    statusListId: Number(row.status_list_id),
    statusListIndex: Number(row.status_list_index),
  };
}

export class CertificateRepository {
  constructor(private readonly sql: SqlSession) {}

  async findById(id: string): Promise<CertificateRecord | null> {
    const row = await this.sql.query<CertificateRow>(`SELECT * FROM certificates WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT, plain: true });
    return row ? toCertificate(row) : null;
  }
}
