import { renderEmail, type MailMessage } from '@lms/kit/mail';
import { appLinks } from './links';

/** A refresh token was used twice: the session was ended as possibly stolen. */
export function securityAlertEmail(input: { to: string; fullName: string; detectedAt: Date; clientIp: string | null; baseUrl: string }): MailMessage {
  const where = input.clientIp ? ` from the address ${input.clientIp}` : '';
  return {
    ...renderEmail({
      subject: 'Security alert: a session of your account was ended',
      greeting: `Hello ${input.fullName},`,
      paragraphs: [
        `At ${input.detectedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC an old sign-in token of your account was presented again${where}. ` +
          'That can mean someone copied it, so we signed that session out.',
        'If it was you (an old tab or device), just sign in again. If not, change your password now: that ends every session.',
      ],
      action: { label: 'Reset my password', url: appLinks.forgotPassword(input.baseUrl) },
      footer: 'You get this email because security alerts cannot be turned off.',
    }),
    to: input.to,
  };
}
