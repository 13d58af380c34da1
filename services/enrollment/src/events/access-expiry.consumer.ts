import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { expireAtDueTime } from '../app/commands/expire-enrollment';
import { ACCESS_EXPIRY_QUEUE, AccessScheduledV1 } from './enrollment.events.schema';

/**
 * Expires enrolments at their end of access, without cron: our own `enrollment.access_scheduled` is held by
 * the kit's delay queues until `expires_at` (`dueAt`; never handed over earlier) and handled then, once
 * (inbox). Every change of an enrolment's end of access emits a new `access_scheduled`, so a timer whose
 * `expires_at` is no longer the enrolment's simply does nothing. A service that is down at the due time
 * expires the enrolment when it comes back (and the write paths refuse an ended access meanwhile).
 */
export function accessExpiryConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof AccessScheduledV1>> {
  return {
    queue: ACCESS_EXPIRY_QUEUE,
    bindings: ['enrollment.access_scheduled'],
    schema: AccessScheduledV1,
    dueAt: (event) => (event.data.expires_at ? new Date(event.data.expires_at) : null),
    async handle(event, transaction) {
      if (!event.data.expires_at) return;
      const fact = { enrollmentId: event.data.enrollment_id, expiresAt: new Date(event.data.expires_at) };
      const expired = await deps.units.join(transaction, (uow) => expireAtDueTime(uow, deps, fact));
      if (expired) deps.logger.info({ enrollment_id: event.data.enrollment_id }, 'enrolment expired at its end of access');
    },
  };
}
