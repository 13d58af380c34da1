import { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { AuthDeps } from '../app/deps';
import {
  prepareEnrolmentConfirmation,
  prepareSecurityAlert,
  prepareTokenEmail,
  sendMail,
  type PreparedMail,
} from '../app/mail/prepare-mail';
import { AUTH_EVENT_SCHEMAS } from './auth.events.schema';

/**
 * Auth's mail consumers, one queue each (`auth.mail.<email>`, with the kit's retry queues and parking lot):
 * `prepare` reads what the email needs (user row, catalog's course title, the unsealed token) before the
 * inbox transaction; `handle` sends it inside that transaction, so a send that fails (MAIL.UNAVAILABLE)
 * rolls the inbox row back and the event is retried with backoff, then parked. A message that is not
 * ours to open (a sealed token that does not decrypt) fails every attempt and is parked: nothing is sent.
 */
export const MAIL_QUEUES = {
  passwordReset: 'auth.mail.password-reset',
  emailVerification: 'auth.mail.email-verification',
  securityAlert: 'auth.mail.security-alert',
  enrolmentConfirmation: 'auth.mail.enrolment-confirmation',
} as const;

/** enrollment.created as auth reads it (the enrollment service's catalogue, protos/events/README.md). */
const EnrollmentCreatedV1 = z.object({ enrollment_id: z.string().uuid(), student_id: z.string().uuid(), course_id: z.string().uuid() }).passthrough();

export function mailConsumers(deps: AuthDeps): ConsumerDefinition<any, PreparedMail>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const send = async (_event: unknown, _transaction: unknown, prepared: PreparedMail) => sendMail(deps, prepared);
  const passwordReset: ConsumerDefinition<z.infer<(typeof AUTH_EVENT_SCHEMAS)['password_reset.requested']>, PreparedMail> = {
    queue: MAIL_QUEUES.passwordReset,
    bindings: ['password_reset.requested'],
    schema: AUTH_EVENT_SCHEMAS['password_reset.requested'],
    prepare: (event) => prepareTokenEmail(deps, 'password_reset', event.data),
    handle: send,
  };
  const emailVerification: ConsumerDefinition<z.infer<(typeof AUTH_EVENT_SCHEMAS)['email_verification.requested']>, PreparedMail> = {
    queue: MAIL_QUEUES.emailVerification,
    bindings: ['email_verification.requested'],
    schema: AUTH_EVENT_SCHEMAS['email_verification.requested'],
    prepare: (event) => prepareTokenEmail(deps, 'email_verification', event.data),
    handle: send,
  };
  const securityAlert: ConsumerDefinition<z.infer<(typeof AUTH_EVENT_SCHEMAS)['refresh_token.reused']>, PreparedMail> = {
    queue: MAIL_QUEUES.securityAlert,
    bindings: ['refresh_token.reused'],
    schema: AUTH_EVENT_SCHEMAS['refresh_token.reused'],
    prepare: (event) => prepareSecurityAlert(deps, event.data),
    handle: send,
  };
  const enrolmentConfirmation: ConsumerDefinition<z.infer<typeof EnrollmentCreatedV1>, PreparedMail> = {
    queue: MAIL_QUEUES.enrolmentConfirmation,
    bindings: ['enrollment.created'],
    schema: EnrollmentCreatedV1,
    prepare: (event) => prepareEnrolmentConfirmation(deps, event.data),
    handle: send,
  };
  return [passwordReset, emailVerification, securityAlert, enrolmentConfirmation];
}
