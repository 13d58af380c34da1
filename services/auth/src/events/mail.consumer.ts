import { z, type ZodType } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { AuthDeps } from '../app/deps';
import {
  prepareCertificateReady,
  prepareEmailChangedNotice,
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
  emailChanged: 'auth.mail.email-changed',
  certificateIssued: 'auth.mail.certificate-issued',
} as const;

/** enrollment.created as auth reads it (the enrollment service's catalogue, protos/events/README.md). */
const EnrollmentCreatedV1 = z.object({ enrollment_id: z.string().uuid(), student_id: z.string().uuid(), course_id: z.string().uuid() }).passthrough();

/** An absolute http(s) URL: the links of an email, never `javascript:` or the like. */
const webUrl = z
  .string()
  .max(2048)
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL');

/** certificate.issued as auth reads it (the certificate service's catalogue, protos/events/README.md). */
const CertificateIssuedV1 = z
  .object({
    certificate_id: z.string().uuid(),
    certificate_number: z.string().min(1).max(64),
    student_id: z.string().uuid(),
    course_title: z.string().min(1).max(1000),
    pdf_url: webUrl,
    verification_url: webUrl,
  })
  .passthrough();

export function mailConsumers(deps: AuthDeps): ConsumerDefinition<any, PreparedMail>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const mail = <T>(queue: string, type: string, schema: ZodType<T>, prepare: (data: T) => Promise<PreparedMail>): ConsumerDefinition<T, PreparedMail> => ({
    queue,
    bindings: [type],
    schema,
    prepare: (event) => prepare(event.data),
    handle: (_event, _transaction, prepared) => sendMail(deps, prepared),
  });
  return [
    mail(MAIL_QUEUES.passwordReset, 'password_reset.requested', AUTH_EVENT_SCHEMAS['password_reset.requested'], (data) =>
      prepareTokenEmail(deps, 'password_reset', data),
    ),
    mail(MAIL_QUEUES.emailVerification, 'email_verification.requested', AUTH_EVENT_SCHEMAS['email_verification.requested'], (data) =>
      prepareTokenEmail(deps, 'email_verification', data),
    ),
    mail(MAIL_QUEUES.securityAlert, 'refresh_token.reused', AUTH_EVENT_SCHEMAS['refresh_token.reused'], (data) => prepareSecurityAlert(deps, data)),
    mail(MAIL_QUEUES.emailChanged, 'user.profile_changed', AUTH_EVENT_SCHEMAS['user.profile_changed'], (data) => prepareEmailChangedNotice(deps, data)),
    mail(MAIL_QUEUES.enrolmentConfirmation, 'enrollment.created', EnrollmentCreatedV1, (data) => prepareEnrolmentConfirmation(deps, data)),
    mail(MAIL_QUEUES.certificateIssued, 'certificate.issued', CertificateIssuedV1, (data) => prepareCertificateReady(deps, data)),
  ];
}
