import type { ConsumerDefinition } from '@lms/kit/events';
import type { CertificateDeps } from '../app/deps';
import { EnrollmentCompletedV1 } from './certificate.events.schema';

export const COMPLETION_QUEUE = 'certificate.issue-on-completion';

/** Issues the certificate of a completed enrolment (skeleton; the implementation follows). */
export function completionConsumer(deps: CertificateDeps): ConsumerDefinition<EnrollmentCompletedV1> {
  void deps;
  return {
    queue: COMPLETION_QUEUE,
    bindings: ['enrollment.completed'],
    schema: EnrollmentCompletedV1,
    async handle() {
      throw new Error('issuing not implemented yet');
    },
  };
}
