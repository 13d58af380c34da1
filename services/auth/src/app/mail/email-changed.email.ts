import { renderEmail, type MailMessage } from '@lms/kit/mail';

/**
 * "Your email address was changed", sent to the OLD address: when and by whom (the user or an
 * administrator), never the new address (whoever reads the old mailbox learns nothing more than needed).
 */
export function emailChangedEmail(input: { to: string; fullName: string; changedAt: Date; byAdministrator: boolean }): MailMessage {
  const when = input.changedAt.toISOString().replace('T', ' ').slice(0, 16);
  return {
    ...renderEmail({
      subject: 'Your LMS Fleet email address was changed',
      greeting: `Hello ${input.fullName},`,
      paragraphs: [
        `At ${when} UTC the email address of your LMS Fleet account was changed${input.byAdministrator ? ' by an administrator' : ''}. ` +
          'From now on sign-in and our emails use the new address; this one no longer receives them.',
        'If you made this change, there is nothing to do. If you did not, contact your LMS Fleet administrator at once: ' +
          'someone else may control your account.',
      ],
      footer: 'You get this email because security notices cannot be turned off.',
    }),
    to: input.to,
  };
}
