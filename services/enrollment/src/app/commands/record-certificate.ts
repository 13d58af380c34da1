import type { EnrollmentUnitOfWork } from '../deps';

/** A fact of the certificate service about an enrolment's certificate. */
export type CertificateFact =
  | { kind: 'issued'; enrollmentId: string; pdfUrl: string; at: Date }
  | { kind: 'revoked'; enrollmentId: string; at: Date };

/**
 * Shows (issued) or clears (revoked) the enrolment's certificate. The newest fact wins by its own time, in any
 * delivery order: a late `issued` after its revocation changes nothing. Returns whether the enrolment changed.
 */
export function recordCertificateFact(uow: EnrollmentUnitOfWork, fact: CertificateFact): Promise<boolean> {
  return fact.kind === 'issued'
    ? uow.enrollments.recordCertificateIssued(fact.enrollmentId, fact.pdfUrl, fact.at)
    : uow.enrollments.recordCertificateRevoked(fact.enrollmentId, fact.at);
}
