import { loadAuthConfig, mailConfigWarnings } from '../src/config';
import { AUTH_EVENT_SCHEMAS } from '../src/events/auth.events.schema';
import { TokenSealer, SEALED_TOKEN_PATTERN } from '../src/infra/token-sealer';
import { newOpaqueToken } from '../src/domain/tokens';
import { passwordResetEmail } from '../src/app/mail/password-reset.email';
import { enrolmentConfirmationEmail } from '../src/app/mail/enrolment-confirmation.email';
import { securityAlertEmail } from '../src/app/mail/security-alert.email';
import { emailChangedEmail } from '../src/app/mail/email-changed.email';
import { appLinks, validFor } from '../src/app/mail/links';

const SECRET = 'Zq4-vN8x_Lm2Tw7Kp3Rj9Hb5Yc1Fd6Gs0Ua';
const USER = '6f1c1a52-8f0e-4c36-9a65-7f0c1f3c2b10';
const OTHER = '0b6d1c3e-2a4f-4e8b-9c1d-3f5e7a9b1c2d';

describe('TokenSealer (one-time tokens inside events)', () => {
  const sealer = new TokenSealer(SECRET);

  test('When a token is sealed, then only the same secret, user and purpose open it, and the envelope has the published shape', () => {
    const token = newOpaqueToken();
    const sealed = sealer.seal(token, { userId: USER, purpose: 'password_reset' });
    expect(sealed).toMatch(SEALED_TOKEN_PATTERN);
    expect(sealed).not.toContain(token);
    expect(AUTH_EVENT_SCHEMAS['password_reset.requested'].safeParse({ user_id: USER, sealed_token: sealed, expires_at: new Date().toISOString(), requested_at: new Date().toISOString() }).success).toBe(true);
    expect(new TokenSealer(SECRET).unseal(sealed, { userId: USER, purpose: 'password_reset' })).toBe(token);
    expect(() => sealer.unseal(sealed, { userId: OTHER, purpose: 'password_reset' })).toThrow();
    expect(() => sealer.unseal(sealed, { userId: USER, purpose: 'email_verification' })).toThrow();
    expect(() => new TokenSealer(`${SECRET}x`).unseal(sealed, { userId: USER, purpose: 'password_reset' })).toThrow();
  });

  test('When a sealed token is tampered with or malformed, then unsealing throws', () => {
    const sealed = sealer.seal(newOpaqueToken(), { userId: USER, purpose: 'email_verification' });
    const parts = sealed.split('.');
    const flipped = parts[3][0] === 'A' ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    expect(() => sealer.unseal([...parts.slice(0, 3), flipped].join('.'), { userId: USER, purpose: 'email_verification' })).toThrow();
    expect(() => sealer.unseal('v2.a.b.c', { userId: USER, purpose: 'email_verification' })).toThrow(/format/);
    expect(() => sealer.unseal('garbage', { userId: USER, purpose: 'email_verification' })).toThrow(/format/);
  });

  test('When a previous email (up to 254 characters) is sealed, then user.profile_changed accepts it and only its user and purpose open it', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(184)}.test`;
    expect(longest).toHaveLength(254);
    const sealed = sealer.seal(longest, { userId: USER, purpose: 'previous_email' });
    const fact = { user_id: USER, email: 'new@b.test', sealed_previous_email: sealed, changed_by: USER, changed_at: new Date().toISOString() };
    expect(() => AUTH_EVENT_SCHEMAS['user.profile_changed'].parse(fact)).not.toThrow();
    expect(sealer.unseal(sealed, { userId: USER, purpose: 'previous_email' })).toBe(longest);
    expect(() => sealer.unseal(sealed, { userId: OTHER, purpose: 'previous_email' })).toThrow();
    expect(() => sealer.unseal(sealed, { userId: USER, purpose: 'password_reset' })).toThrow();
    // a new email always comes with the sealed old one, and some field must have changed
    expect(() => AUTH_EVENT_SCHEMAS['user.profile_changed'].parse({ ...fact, sealed_previous_email: undefined })).toThrow();
    expect(() => AUTH_EVENT_SCHEMAS['user.profile_changed'].parse({ user_id: USER, changed_by: null, changed_at: fact.changed_at })).toThrow();
  });

  test('Two seals of the same token differ (random IV)', () => {
    const token = newOpaqueToken();
    expect(sealer.seal(token, { userId: USER, purpose: 'password_reset' })).not.toBe(sealer.seal(token, { userId: USER, purpose: 'password_reset' }));
  });
});

describe('Mail configuration and templates', () => {
  test('When production keeps the local mail defaults, then start-up warns (it does not refuse); elsewhere it is silent', () => {
    const production = { NODE_ENV: 'production', INTERNAL_SERVICE_SECRET: 'Hk7-Rt2_Wp9Zx4Lm8Qv3Nb6Jc1Ys5Fd0G', SIGNING_KEY_ENCRYPTION_SECRET: SECRET };
    expect(mailConfigWarnings(loadAuthConfig(production))).toEqual([expect.stringMatching(/^SMTP_URL/), expect.stringMatching(/^APP_BASE_URL/)]);
    expect(mailConfigWarnings(loadAuthConfig({ ...production, SMTP_URL: 'smtps://u:p@smtp.example.com:465', APP_BASE_URL: 'https://lms.example.com' }))).toEqual([]);
    expect(mailConfigWarnings(loadAuthConfig({ NODE_ENV: 'development' }))).toEqual([]);
    expect(() => loadAuthConfig({ NODE_ENV: 'development', SMTP_URL: 'not a url' })).toThrow(/SMTP_URL/);
  });

  test('Links keep the token in the query and tolerate a trailing slash on APP_BASE_URL; lifetimes read naturally', () => {
    expect(appLinks.resetPassword('https://app.test/', 'abc_-1')).toBe('https://app.test/reset-password?token=abc_-1');
    expect(appLinks.verifyEmail('https://app.test/base', 'x')).toBe('https://app.test/base/verify-email?token=x');
    expect(validFor(3600)).toBe('1 hour');
    expect(validFor(86_400)).toBe('24 hours');
    expect(validFor(900)).toBe('15 minutes');
  });

  test('When names and titles carry markup or right-to-left text, then the HTML escapes them and the text part keeps them verbatim', () => {
    const reset = passwordResetEmail({ to: 'a@b.test', fullName: '<img src=x> ليلى', token: 't0k', baseUrl: 'https://app.test', ttlSeconds: 3600 });
    expect(reset.to).toBe('a@b.test');
    expect(reset.html).toContain('&lt;img src=x&gt; ليلى');
    expect(reset.html).not.toContain('<img');
    expect(reset.text).toContain('https://app.test/reset-password?token=t0k');
    expect(reset.text).toContain('1 hour');
    const welcome = enrolmentConfirmationEmail({ to: 'a@b.test', fullName: 'Sam', courseId: 'c1', courseTitle: 'מבוא "C" & <more>', baseUrl: 'https://app.test' });
    expect(welcome.subject).toBe('You are enrolled in מבוא "C" & <more>');
    expect(welcome.html).toContain('מבוא &quot;C&quot; &amp; &lt;more&gt;');
    expect(enrolmentConfirmationEmail({ to: 'a@b.test', fullName: 'Sam', courseId: 'c1', courseTitle: null, baseUrl: 'https://app.test' }).subject).toBe('You are enrolled in a new course');
    const alert = securityAlertEmail({ to: 'a@b.test', fullName: 'Sam', detectedAt: new Date('2026-01-02T03:04:05Z'), clientIp: null, baseUrl: 'https://app.test' });
    expect(alert.text).toContain('2026-01-02 03:04 UTC');
    expect(alert.text).not.toContain('from the address');
    const changed = emailChangedEmail({ to: 'old@b.test', fullName: '<b>ليلى</b>', changedAt: new Date('2026-01-02T03:04:05Z'), byAdministrator: false });
    expect(changed.to).toBe('old@b.test');
    expect(changed.html).toContain('&lt;b&gt;ليلى&lt;/b&gt;');
    expect(changed.text).toContain('2026-01-02 03:04 UTC');
    expect(changed.text).toContain('If you did not, contact your LMS Fleet administrator');
    expect(changed.text).not.toContain('by an administrator');
  });
});
