import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { USER_STATUS_QUEUE, UserStatusV1 } from './enrollment.events.schema';

/**
 * Auth's activation facts → the `user_accounts` read model (an older fact never overrides a newer one), so
 * bulk enrolment by user id refuses a deactivated account like the email path does.
 */
export function userStatusConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof UserStatusV1>> {
  return {
    queue: USER_STATUS_QUEUE,
    bindings: ['user.deactivated', 'user.activated', 'user.deleted'],
    schema: UserStatusV1,
    async handle(event, transaction) {
      await deps.units.join(transaction, (uow) => uow.users.apply(event.data.user_id, event.type === 'user.activated', new Date(event.data.at)));
    },
  };
}
