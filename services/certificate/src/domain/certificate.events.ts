import type { DomainEvent } from '@lms/kit/events';
import type { CertificateRecord, IssuedVia } from './certificate.entities';

/**
 * The facts the certificate service publishes. Public (documented in protos/events/README.md, section
 * "certificate", and kept in the event log): `certificate.issued`, `certificate.revoked`. Internal (our own
 * `certificate.pdf-render` queue only, never in the log): `certificate.render_requested`. Builders are pure.
 */
export const EVENT_SOURCE = 'lms/certificate';

export const CERTIFICATE_ISSUED = 'certificate.issued';
export const CERTIFICATE_REVOKED = 'certificate.revoked';
export const CERTIFICATE_RENDER_REQUESTED = 'certificate.render_requested';

/** The public event types, kept in the service's event log. */
export const PUBLIC_EVENT_TYPES = [CERTIFICATE_ISSUED, CERTIFICATE_REVOKED];

export interface CertificateIssuedV1 {
  certificate_id: string;
  certificate_number: string;
  enrollment_id: string;
  student_id: string;
  course_id: string;
  student_name: string;
  course_title: string;
  instructor_name: string;
  completion_date: string;
  final_grade: string;
  total_hours: string | null;
  issued_at: string;
  issued_via: IssuedVia;
  pdf_url: string;
  verification_url: string;
}

export interface CertificateRevokedV1 {
  certificate_id: string;
  certificate_number: string;
  enrollment_id: string;
  student_id: string;
  course_id: string;
  revoked_at: string;
  reason: string;
}

export interface CertificateRenderRequestedV1 {
  certificate_id: string;
}

/** The certificate's absolute URLs (on PUBLIC_API_URL), as the view and the events show them. */
export interface CertificateLinks {
  pdfUrl: string;
  verificationUrl: string;
}

export function certificateIssued(certificate: CertificateRecord, links: CertificateLinks): DomainEvent<CertificateIssuedV1> {
  return {
    type: CERTIFICATE_ISSUED,
    subject: certificate.id,
    time: certificate.issuedAt,
    data: {
      certificate_id: certificate.id,
      certificate_number: certificate.certificateNumber,
      enrollment_id: certificate.enrollmentId,
      student_id: certificate.studentId,
      course_id: certificate.courseId,
      student_name: certificate.studentName,
      course_title: certificate.courseTitle,
      instructor_name: certificate.instructorName,
      completion_date: certificate.completionDate.toISOString(),
      final_grade: certificate.finalGrade,
      total_hours: certificate.totalHours,
      issued_at: certificate.issuedAt.toISOString(),
      issued_via: certificate.issuedVia,
      pdf_url: links.pdfUrl,
      verification_url: links.verificationUrl,
    },
  };
}

export function certificateRevoked(certificate: CertificateRecord & { revokedAt: Date; revocationReason: string }): DomainEvent<CertificateRevokedV1> {
  return {
    type: CERTIFICATE_REVOKED,
    subject: certificate.id,
    time: certificate.revokedAt,
    data: {
      certificate_id: certificate.id,
      certificate_number: certificate.certificateNumber,
      enrollment_id: certificate.enrollmentId,
      student_id: certificate.studentId,
      course_id: certificate.courseId,
      revoked_at: certificate.revokedAt.toISOString(),
      reason: certificate.revocationReason,
    },
  };
}
