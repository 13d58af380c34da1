/** What a certificate says (`valid`) or has stopped saying (`revoked`). */
export type CertificateStatus = 'valid' | 'revoked';
/** How it came to be: the `enrollment.completed` consumer, or an admin's GenerateCertificate. */
export type IssuedVia = 'event' | 'admin';

/**
 * What is printed on a certificate, gathered from auth, catalog, enrollment and quiz at issue time and frozen:
 * renaming a course or a student later does not change a certificate already issued.
 */
export interface CertificateSnapshot {
  enrollmentId: string;
  studentId: string;
  courseId: string;
  studentName: string;
  courseTitle: string;
  instructorId: string | null;
  instructorName: string;
  /** The enrolment's completed_at. */
  completionDate: Date;
  /** A | B | C | Pass (domain/grading.ts). */
  finalGrade: string;
  /** "45 minutes" | "1 hour" | "25 hours"; null when the time spent is unknown. */
  totalHours: string | null;
}

/** A row of `certificates`: the snapshot plus its number, revocation, PDF and status-list entry. */
export interface CertificateRecord extends CertificateSnapshot {
  id: string;
  /** CERT-YYYYMMDD-XXXXXXXX (domain/numbering.ts). */
  certificateNumber: string;
  /** CERTIFICATE_ISSUER at issue time. */
  issuedBy: string;
  /** CERTIFICATE_SIGNATURE_NAME at issue time. */
  signatureName: string | null;
  issuedAt: Date;
  issuedVia: IssuedVia;
  issuedByUserId: string | null;
  status: CertificateStatus;
  revokedAt: Date | null;
  revocationReason: string | null;
  revokedBy: string | null;
  /** Storage key of the rendered PDF; null until the render job stored it. */
  pdfKey: string | null;
  pdfSize: number | null;
  pdfRenderedAt: Date | null;
  /** The last time a render was asked for: re-asks are spaced (PDF_REREQUEST_AFTER_MS). */
  pdfRequestedAt: Date;
  /** The template it was rendered with (null: the built-in one, or not rendered yet). */
  templateId: string | null;
  /** Its entry in a Bitstring Status List (revocation as a verifiable credential). */
  statusListId: number;
  statusListIndex: number;
}

/** A PDF still missing this long after the last request is asked for again (a parked or lost render job). */
export const PDF_REREQUEST_AFTER_MS = 60_000;

/**
 * Whether a render may be asked for again, the PDF being missing (no key yet, or its object gone): the last request
 * is old enough that its job has most likely failed or been parked.
 */
export function renderRequestIsStale(certificate: Pick<CertificateRecord, 'pdfRequestedAt'>, now: Date): boolean {
  return now.getTime() - certificate.pdfRequestedAt.getTime() >= PDF_REREQUEST_AFTER_MS;
}
