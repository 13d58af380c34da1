import type { MailMessage } from '@lms/kit/mail';
import type { OneTimeTokenRequestedV1, RefreshTokenReusedV1, UserProfileChangedV1 } from '../../domain/auth.events';
import { hashOpaqueToken } from '../../domain/tokens';
import { canSignIn, type User } from '../../domain/user';
import type { OneTimePurpose } from '../../infra/one-time-token.repository';
import type { AuthDeps } from '../deps';
import { PREVIOUS_EMAIL_PURPOSE } from '../commands/profile-changed';
import { certificateIssuedEmail } from './certificate-issued.email';
import { emailChangedEmail } from './email-changed.email';
import { emailVerificationEmail } from './email-verification.email';
import { enrolmentConfirmationEmail } from './enrolment-confirmation.email';
import { passwordResetEmail } from './password-reset.email';
import { securityAlertEmail } from './security-alert.email';

/**
 * The mail use cases, in two steps like every consumer: `prepare…` reads (the user row, catalog's course
 * title, the sealed token) BEFORE the inbox transaction and returns the rendered message, or null when
 * nothing must be sent (the account is deactivated or deleted, the token was used, replaced or expired,
 * the email is already verified); `sendMail` sends it inside the consumer's transaction, so a send
 * failure rolls the inbox row back and the kit retries (then parks) the event.
 */
export type PreparedMail = MailMessage | null;

type MailDeps = Pick<AuthDeps, 'units' | 'sealer' | 'config' | 'clock'>;

/** Emails a sealed one-time token (password reset or email verification) to its user. */
export async function prepareTokenEmail(deps: MailDeps, purpose: OneTimePurpose, fact: OneTimeTokenRequestedV1): Promise<PreparedMail> {
  // Throws when the token was not sealed by us for this user and purpose: retried, then parked (never sent).
  const token = deps.sealer.unseal(fact.sealed_token, { userId: fact.user_id, purpose });
  const issued = await deps.units.read.oneTimeTokens.find(hashOpaqueToken(token), purpose);
  if (!issued || issued.userId !== fact.user_id || issued.usedAt || issued.expiresAt <= deps.clock()) return null;
  const user = await activeUser(deps, fact.user_id);
  if (!user) return null;
  const ttlSeconds = Math.round((Date.parse(fact.expires_at) - Date.parse(fact.requested_at)) / 1000);
  const input = { to: user.email, fullName: user.fullName, token, baseUrl: deps.config.APP_BASE_URL, ttlSeconds };
  if (purpose === 'password_reset') return passwordResetEmail(input);
  return user.emailVerified ? null : emailVerificationEmail(input);
}

/** The security alert after a refresh-token reuse revoked a session. */
export async function prepareSecurityAlert(deps: MailDeps, fact: RefreshTokenReusedV1): Promise<PreparedMail> {
  const user = await activeUser(deps, fact.user_id);
  if (!user) return null;
  return securityAlertEmail({
    to: user.email,
    fullName: user.fullName,
    detectedAt: new Date(fact.detected_at),
    clientIp: fact.client_ip,
    baseUrl: deps.config.APP_BASE_URL,
  });
}

/**
 * "Your email address was changed", to the previous address unsealed from `user.profile_changed` (a
 * name-only change sends nothing). Like every email, none to a deactivated or deleted account.
 * A sealed address that does not open for this user throws: retried, then parked (never sent).
 */
export async function prepareEmailChangedNotice(deps: MailDeps, fact: UserProfileChangedV1): Promise<PreparedMail> {
  if (!fact.sealed_previous_email || fact.email === undefined) return null;
  const previous = deps.sealer.unseal(fact.sealed_previous_email, { userId: fact.user_id, purpose: PREVIOUS_EMAIL_PURPOSE });
  const user = await activeUser(deps, fact.user_id);
  if (!user || previous === fact.email) return null;
  return emailChangedEmail({
    to: previous,
    fullName: user.fullName,
    changedAt: new Date(fact.changed_at),
    byAdministrator: fact.changed_by !== null && fact.changed_by !== fact.user_id,
  });
}

/** The enrolment confirmation; the course title comes from catalog (a failure is retried like the send). */
export async function prepareEnrolmentConfirmation(
  deps: MailDeps & Pick<AuthDeps, 'catalog'>,
  fact: { student_id: string; course_id: string },
): Promise<PreparedMail> {
  const user = await activeUser(deps, fact.student_id);
  if (!user) return null;
  const courseTitle = deps.catalog ? ((await deps.catalog.BatchGetCourses({ ids: [fact.course_id] })).items[0]?.title ?? null) : null;
  return enrolmentConfirmationEmail({
    to: user.email,
    fullName: user.fullName,
    courseId: fact.course_id,
    courseTitle,
    baseUrl: deps.config.APP_BASE_URL,
  });
}

/**
 * "Your certificate is ready" after the certificate service's `certificate.issued`, to the student's current
 * address (none to a deactivated or deleted account). The course title is the certificate's own (frozen).
 */
export async function prepareCertificateReady(
  deps: MailDeps,
  fact: { student_id: string; course_title: string; certificate_number: string; pdf_url: string; verification_url: string },
): Promise<PreparedMail> {
  const user = await activeUser(deps, fact.student_id);
  if (!user) return null;
  return certificateIssuedEmail({
    to: user.email,
    fullName: user.fullName,
    courseTitle: fact.course_title,
    certificateNumber: fact.certificate_number,
    pdfUrl: fact.pdf_url,
    verificationUrl: fact.verification_url,
  });
}

/** Sends a prepared message (nothing for null); throws MAIL.UNAVAILABLE when the server does not take it. */
export async function sendMail(deps: Pick<AuthDeps, 'mailer'>, message: PreparedMail): Promise<void> {
  if (!message) return;
  if (!deps.mailer) throw new Error('No mailer in this process');
  await deps.mailer.send(message);
}

async function activeUser(deps: MailDeps, userId: string): Promise<User | undefined> {
  const user = await deps.units.read.users.findById(userId);
  return user && canSignIn(user) ? user : undefined;
}
