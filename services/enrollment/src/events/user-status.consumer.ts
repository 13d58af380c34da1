import type { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { USER_DIRECTORY_QUEUE, USER_STATUS_QUEUE, UserDirectoryV1, UserStatusV1 } from './enrollment.events.schema';

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
      await deps.units.join(transaction, async (uow) => {
        await uow.users.apply(event.data.user_id, event.type === 'user.activated', new Date(event.data.at));
        if (event.type === 'user.deleted') {
          // A deleted account is named nowhere any more: its email, its registered name, its reviews' name.
          await uow.users.forgetContact(event.data.user_id);
          await uow.enrollments.forgetReviewer(event.data.user_id);
        }
      });
    },
  };
}

/**
 * auth's `user.registered` and `user.profile_changed` → email and name in `user_accounts`, for the course
 * enrolment list (its instructor/admin): auth's BatchGetUsers answers public profiles (no email) in one call
 * per page. Each value carries the time of the fact that set it: the newest fact wins, in any delivery order.
 */
export function userDirectoryConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof UserDirectoryV1>> {
  return {
    queue: USER_DIRECTORY_QUEUE,
    bindings: ['user.registered', 'user.profile_changed'],
    schema: UserDirectoryV1,
    async handle(event, transaction) {
      const d = event.data;
      await deps.units.join(transaction, (uow) =>
        'registered_at' in d
          ? uow.users.register(d.user_id, d.email.toLowerCase(), d.full_name, new Date(d.registered_at))
          : uow.users.changeContact(d.user_id, { email: d.email?.toLowerCase(), fullName: d.full_name }, new Date(d.changed_at)),
      );
    },
  };
}
