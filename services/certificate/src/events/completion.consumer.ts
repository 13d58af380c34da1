import type { ConsumerDefinition } from '@lms/kit/events';
import type { AppError } from '@lms/kit/errors';
import type { CertificateDeps } from '../app/deps';
import { gatherSnapshot, isPermanentRefusal } from '../app/issue/gather-snapshot';
import { issueCertificate } from '../app/issue/issue-certificate';
import type { CertificateSnapshot } from '../domain/certificate.entities';
import { EnrollmentCompletedV1 } from './certificate.events.schema';

export const COMPLETION_QUEUE = 'certificate.issue-on-completion';

/** What `prepare` found: nothing to do, the snapshot to issue, or a refusal no retry will change. */
type Prepared = { kind: 'issued' } | { kind: 'snapshot'; snapshot: CertificateSnapshot } | { kind: 'refused'; error: AppError };

/**
 * Issues the certificate of every completed enrolment. `prepare` gathers the snapshot from auth, catalog,
 * enrollment and quiz (no transaction open); `handle` issues it in the inbox's transaction, so a redelivered or
 * duplicated event issues nothing twice, and the unique enrollment_id settles a race with an admin's Generate.
 * A permanent refusal (enrolment/course/student gone, not completed after all) is logged and acked: retrying
 * cannot change it, and a deleted account gets no certificate. An upstream outage throws → the kit's retries.
 */
export function completionConsumer(deps: CertificateDeps): ConsumerDefinition<EnrollmentCompletedV1, Prepared> {
  return {
    queue: COMPLETION_QUEUE,
    bindings: ['enrollment.completed'],
    schema: EnrollmentCompletedV1,
    async prepare(event) {
      if (await deps.units.read.certificates.findByEnrollment(event.data.enrollment_id)) return { kind: 'issued' };
      try {
        return { kind: 'snapshot', snapshot: await gatherSnapshot(deps, event.data.enrollment_id) };
      } catch (err) {
        if (isPermanentRefusal(err)) return { kind: 'refused', error: err as AppError };
        throw err;
      }
    },
    async handle(event, transaction, prepared) {
      if (prepared.kind === 'refused') {
        deps.logger.warn(
          { eventId: event.id, enrollmentId: event.data.enrollment_id, code: prepared.error.code },
          `no certificate issued: ${prepared.error.message}`,
        );
        return;
      }
      if (prepared.kind === 'issued') return;
      await deps.units.join(transaction, (uow) => issueCertificate(uow, deps, prepared.snapshot, { via: 'event' }));
    },
  };
}
