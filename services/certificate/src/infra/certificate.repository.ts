import { QueryTypes } from 'sequelize';
import { isUniqueViolation, type SqlSession } from '@lms/kit/db';
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

/** What `insertIfAbsent` did: stored it, found the enrolment already certified, or drew a number already taken. */
export type InsertOutcome = { kind: 'created'; certificate: CertificateRecord } | { kind: 'exists' } | { kind: 'number_taken' };

const COLUMNS = `id, certificate_number, enrollment_id, student_id, course_id, student_name, course_title, instructor_id,
  instructor_name, completion_date, final_grade, total_hours, issued_by, signature_name, issued_at, issued_via,
  issued_by_user_id, status, pdf_requested_at, status_list_id, status_list_index`;
const VALUES = `:id, :certificateNumber, :enrollmentId, :studentId, :courseId, :studentName, :courseTitle, :instructorId,
  :instructorName, :completionDate, :finalGrade, :totalHours, :issuedBy, :signatureName, :issuedAt, :issuedVia,
  :issuedByUserId, :status, :pdfRequestedAt, :statusListId, :statusListIndex`;

export class CertificateRepository {
  constructor(private readonly sql: SqlSession) {}

  async findById(id: string): Promise<CertificateRecord | null> {
    const row = await this.sql.query<CertificateRow>(`SELECT * FROM certificates WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT, plain: true });
    return row ? toCertificate(row) : null;
  }

  /** The row, locked until the unit of work ends (two revocations of one certificate). */
  async lockById(id: string): Promise<CertificateRecord | null> {
    const row = await this.sql.query<CertificateRow>(`SELECT * FROM certificates WHERE id = :id FOR UPDATE`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      plain: true,
    });
    return row ? toCertificate(row) : null;
  }

  async findByEnrollment(enrollmentId: string): Promise<CertificateRecord | null> {
    const row = await this.sql.query<CertificateRow>(`SELECT * FROM certificates WHERE enrollment_id = :enrollmentId`, {
      replacements: { enrollmentId },
      type: QueryTypes.SELECT,
      plain: true,
    });
    return row ? toCertificate(row) : null;
  }

  async findByNumber(certificateNumber: string): Promise<CertificateRecord | null> {
    const row = await this.sql.query<CertificateRow>(`SELECT * FROM certificates WHERE certificate_number = :certificateNumber`, {
      replacements: { certificateNumber },
      type: QueryTypes.SELECT,
      plain: true,
    });
    return row ? toCertificate(row) : null;
  }

  /** Every certificate of a student (revoked ones included), newest first. */
  async listByStudent(studentId: string): Promise<CertificateRecord[]> {
    const rows = await this.sql.query<CertificateRow>(`SELECT * FROM certificates WHERE student_id = :studentId ORDER BY issued_at DESC, id DESC`, {
      replacements: { studentId },
      type: QueryTypes.SELECT,
    });
    return rows.map(toCertificate);
  }

  /**
   * Stores a new certificate unless its enrolment has one (`exists`: the unique enrollment_id decides between
   * racing issuers — the consumer and an admin — and the loser reads the winner's row). A number drawn twice is
   * `number_taken`, rolled back to a savepoint so the caller can draw again in the same transaction.
   */
  async insertIfAbsent(certificate: CertificateRecord): Promise<InsertOutcome> {
    try {
      const rows = await this.sql.savepoint(() =>
        this.sql.query<CertificateRow>(
          `INSERT INTO certificates (${COLUMNS}) VALUES (${VALUES}) ON CONFLICT (enrollment_id) DO NOTHING RETURNING *`,
          { replacements: { ...certificate }, type: QueryTypes.SELECT },
        ),
      );
      return rows.length > 0 ? { kind: 'created', certificate: toCertificate(rows[0]) } : { kind: 'exists' };
    } catch (err) {
      // enrollment_id is the arbiter and the status-list entry was checked under the list's lock: only the number is left
      if (isUniqueViolation(err)) return { kind: 'number_taken' };
      throw err;
    }
  }

  async markRevoked(id: string, revocation: { revokedAt: Date; reason: string; revokedBy: string }): Promise<CertificateRecord> {
    const rows = await this.sql.query<CertificateRow>(
      `UPDATE certificates SET status = 'revoked', revoked_at = :revokedAt, revocation_reason = :reason, revoked_by = :revokedBy
       WHERE id = :id RETURNING *`,
      { replacements: { id, ...revocation }, type: QueryTypes.SELECT },
    );
    return toCertificate(rows[0]);
  }
}
