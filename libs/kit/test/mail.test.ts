import { randomBytes } from 'node:crypto';
import { Mailer, renderEmail, escapeHtml } from '../src/mail';
import { testEnv, waitForMail, mailTo } from '../src/testing';

const address = (label: string) => `${label}-${randomBytes(4).toString('hex')}@mail.test`;

describe('Mail through a real SMTP server (the capture mailbox of scripts/infra.sh)', () => {
  const mailer = new Mailer({ url: testEnv.smtpUrl, from: 'LMS Fleet <no-reply@lms.test>' });
  afterAll(() => mailer.close());

  it('When a rendered email is sent, then the server receives its subject, text and HTML parts for that recipient only', async () => {
    const to = address('reset');
    const content = renderEmail({
      subject: 'Reset your password',
      greeting: 'Hello Layla,',
      paragraphs: ['Someone asked to reset the password of your account.'],
      action: { label: 'Choose a new password', url: 'https://lms.test/reset?token=abc123' },
      footer: 'If it was not you, ignore this message.',
    });
    await mailer.send({ ...content, to });
    const mail = await waitForMail(to);
    expect(mail.subject).toBe('Reset your password');
    expect(mail.from).toContain('no-reply@lms.test');
    expect(mail.text).toContain('https://lms.test/reset?token=abc123');
    expect(mail.html).toContain('href="https://lms.test/reset?token=abc123"');
    expect(await mailTo(address('nobody'))).toEqual([]);
  });

  it('When names carry markup or right-to-left text, then HTML escapes them and every block lets them flow in their own direction', async () => {
    const to = address('rtl');
    const content = renderEmail({
      subject: 'مرحبا — welcome',
      greeting: 'Hello <script>alert(1)</script> ليلى,',
      paragraphs: ['You enrolled in "مقدمة في البرمجة" & more.'],
    });
    expect(content.html).not.toContain('<script>');
    expect(content.html).toContain('&lt;script&gt;');
    expect(content.html).toContain('&quot;مقدمة في البرمجة&quot; &amp; more.');
    expect(content.html.match(/<p dir="auto"/g)?.length).toBe(2);
    await mailer.send({ ...content, to });
    const mail = await waitForMail(to);
    expect(mail.subject).toBe('مرحبا — welcome');
    expect(mail.text).toContain('Hello <script>alert(1)</script> ليلى,'); // the text part is plain text: shown, never run
  });

  it('When the mail server cannot be reached, then sending fails with a retryable unavailable error instead of hanging', async () => {
    const dead = new Mailer({ url: 'smtp://127.0.0.1:9', from: 'x@lms.test', timeoutMs: 2000 });
    await expect(dead.send({ to: address('dead'), subject: 's', text: 't', html: '<p>t</p>' })).rejects.toMatchObject({ kind: 'unavailable', code: 'MAIL.UNAVAILABLE' });
    dead.close();
  });

  it('escapeHtml escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
