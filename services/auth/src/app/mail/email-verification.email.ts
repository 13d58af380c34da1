import { renderEmail, type MailMessage } from '@lms/kit/mail';
import { appLinks, validFor } from './links';

/** "Confirm your email address": sent on sign-up and on "resend verification". */
export function emailVerificationEmail(input: { to: string; fullName: string; token: string; baseUrl: string; ttlSeconds: number }): MailMessage {
  return {
    ...renderEmail({
      subject: 'Confirm your email address',
      greeting: `Hello ${input.fullName},`,
      paragraphs: [
        'Please confirm that this is your email address for LMS Fleet.',
        `The link below works once and for ${validFor(input.ttlSeconds)}.`,
      ],
      action: { label: 'Confirm my email', url: appLinks.verifyEmail(input.baseUrl, input.token) },
      footer: 'If you did not create an LMS Fleet account, ignore this email.',
    }),
    to: input.to,
  };
}
