import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Logger } from 'pino';
import { UnavailableError } from '../errors';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (SMTP_URL). */
  url: string;
  /** The sender, e.g. `LMS Fleet <no-reply@lms.example>` (MAIL_FROM). */
  from: string;
  logger?: Logger;
  /** Connection and socket timeouts, so a dead server fails a send (and the consumer retries) instead of hanging it. */
  timeoutMs?: number;
}

/**
 * Sends transactional mail over SMTP. Called only from event consumers (never in a request): a failure
 * throws, the consumer's retry and parking-lot queues take it from there.
 */
export class Mailer {
  /** Made at the first send: nodemailer (~40 modules) is not loaded by a process that has not sent mail yet. */
  private transport?: Transporter;

  constructor(private readonly options: MailerOptions) {}

  private transporter(): Transporter {
    if (!this.transport) {
      const { createTransport } = require('nodemailer') as typeof import('nodemailer');
      const timeout = this.options.timeoutMs ?? 10_000;
      // nodemailer reads host, port, credentials and TLS from `url`; the timeouts are ours.
      const smtp: SMTPTransport.Options & { url: string } = { url: this.options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
      this.transport = createTransport(smtp);
    }
    return this.transport;
  }

  async send(message: MailMessage): Promise<void> {
    try {
      const info = await this.transporter().sendMail({ from: this.options.from, ...message });
      this.options.logger?.info({ messageId: info.messageId, subject: message.subject }, 'mail sent');
    } catch (err) {
      throw new UnavailableError('The mail server did not accept the message', 'MAIL.UNAVAILABLE', err);
    }
  }

  close(): void {
    this.transport?.close();
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What a transactional email says; every string is plain text (escaped when rendered to HTML). */
export interface EmailContent {
  subject: string;
  /** The greeting line, e.g. "Hello Layla,". */
  greeting: string;
  /** Plain text, or text ending in a URL that the HTML part makes a link (a second address besides the action). */
  paragraphs: (string | { text: string; url: string })[];
  /** The one thing to do, shown as a button in HTML and as a bare URL on its own line in text. */
  action?: { label: string; url: string };
  /** Small print under the action (why you got this, what to do if it was not you). */
  footer?: string;
}

/**
 * Renders the text and HTML parts of a transactional email. User-supplied values (names, course titles)
 * are escaped in HTML; `dir="auto"` on each block lets Arabic or Hebrew names and titles render
 * right-to-left inside a left-to-right message, and the text part isolates them the same way.
 */
export function renderEmail(content: EmailContent): MailMessage & { to: '' } {
  const text = [content.greeting, '', ...content.paragraphs.flatMap((p) => [typeof p === 'string' ? p : p.text + p.url, ''])];
  if (content.action) text.push(`${content.action.label}:`, content.action.url, '');
  if (content.footer) text.push('--', content.footer);
  const block = (inner: string, style = '') => `<p dir="auto"${style ? ` style="${style}"` : ''}>${inner}</p>`;
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family: system-ui, \'Noto Sans\', \'Noto Sans Arabic\', sans-serif; line-height: 1.5; color: #1f2933;">',
    block(escapeHtml(content.greeting)),
    ...content.paragraphs.map((p) =>
      block(typeof p === 'string' ? escapeHtml(p) : `${escapeHtml(p.text)}<a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a>`),
    ),
    content.action
      ? block(
          `<a href="${escapeHtml(content.action.url)}" style="display: inline-block; padding: 10px 18px; background: #2457c5; color: #fff; border-radius: 4px; text-decoration: none;">${escapeHtml(content.action.label)}</a>`,
        ) + block(escapeHtml(content.action.url), 'font-size: 12px; color: #52606d; word-break: break-all;')
      : '',
    content.footer ? block(escapeHtml(content.footer), 'font-size: 12px; color: #52606d;') : '',
    '</body></html>',
  ].join('\n');
  return { to: '', subject: content.subject, text: text.join('\n').trimEnd() + '\n', html };
}
