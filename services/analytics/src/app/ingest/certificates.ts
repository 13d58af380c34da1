import type { FactPayload } from '../../events/analytics.events.schema';
import type { AnalyticsUnitOfWork } from '../deps';

/** certificate.issued: the certificate row (achievements). */
export async function certificateIssued(uow: AnalyticsUnitOfWork, p: FactPayload<'certificate.issued'>): Promise<void> {
  await uow.facts.certificateFact({
    certificateId: p.certificate_id,
    certificateNumber: p.certificate_number,
    studentId: p.student_id,
    courseId: p.course_id,
    enrollmentId: p.enrollment_id,
    issuedAt: new Date(p.issued_at),
  });
}

/** certificate.revoked: revoked_at (a revoked certificate is no achievement). */
export async function certificateRevoked(uow: AnalyticsUnitOfWork, p: FactPayload<'certificate.revoked'>): Promise<void> {
  await uow.facts.certificateFact({
    certificateId: p.certificate_id,
    certificateNumber: p.certificate_number,
    studentId: p.student_id,
    courseId: p.course_id,
    enrollmentId: p.enrollment_id,
    revokedAt: new Date(p.revoked_at),
  });
}
