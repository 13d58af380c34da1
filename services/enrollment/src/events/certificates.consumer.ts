import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { recordCertificateFact, type CertificateFact } from '../app/commands/record-certificate';
import { CERTIFICATES_QUEUE, CertificateFactV1, CertificateIssuedV1, CertificateRevokedV1 } from './enrollment.events.schema';

/** The fact, told apart by the event type (the queue's schema accepted it as one of the two). */
function factOf(type: string, data: unknown): CertificateFact {
  if (type === 'certificate.issued') {
    const issued = CertificateIssuedV1.parse(data);
    return { kind: 'issued', enrollmentId: issued.enrollment_id, pdfUrl: issued.pdf_url, at: new Date(issued.issued_at) };
  }
  const revoked = CertificateRevokedV1.parse(data);
  return { kind: 'revoked', enrollmentId: revoked.enrollment_id, at: new Date(revoked.revoked_at) };
}

/**
 * The certificate service's `certificate.issued` / `certificate.revoked` → the enrolment's `certificate_url`
 * and `certificate_issued_at` (inbox: once per event; the newest fact wins by time).
 */
export function certificatesConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof CertificateFactV1>> {
  return {
    queue: CERTIFICATES_QUEUE,
    bindings: ['certificate.issued', 'certificate.revoked'],
    schema: CertificateFactV1,
    async handle(event, transaction) {
      const fact = factOf(event.type, event.data);
      const changed = await deps.units.join(transaction, (uow) => recordCertificateFact(uow, fact));
      if (!changed) {
        deps.logger.info({ type: event.type, enrollment_id: fact.enrollmentId }, 'certificate fact for an unknown enrolment, or older than the one applied: ignored');
      }
    },
  };
}
