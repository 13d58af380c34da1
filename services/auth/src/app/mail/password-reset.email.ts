import { renderEmail, type MailMessage } from '@lms/kit/mail';
import { appLinks, validFor } from './links';

/** "Reset your password": the one-time link to the reset page. */
export function passwordResetEmail(input: { to: string; fullName: string; token: string; baseUrl: string; ttlSeconds: number }): MailMessage {
  return {
    ...renderEmail({
      subject: 'Reset your LMS Fleet password',
      greeting: `Hello ${input.fullName},`,
      paragraphs: [
        'Someone (hopefully you) asked to reset the password of your LMS Fleet account.',
        `The link below works once and for ${validFor(input.ttlSeconds)}. Choosing a new password signs you out everywhere.`,
      ],
      action: { label: 'Choose a new password', url: appLinks.resetPassword(input.baseUrl, input.token) },
      footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
    }),
    to: input.to,
  };
}
