import { FieldChecker } from '@lms/kit/errors';
import { ROLES, type Role } from './user';
import { passwordProblems } from './password-policy';

/**
 * Input rules shared by every use case. The gateway validates too; the service never trusts it.
 * Each check appends field errors and returns the normalised value so one pass reports every problem.
 */
export const LIMITS = {
  emailMax: 254,
  emailLocalMax: 64,
  fullNameMax: 100,
  bioMax: 2000,
  avatarUrlMax: 500,
  phoneMax: 20,
  searchMax: 200,
  loginPasswordMax: 1024,
  tokenMax: 512,
  batchMax: 100,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export class Checker extends FieldChecker {
  /** Trimmed, lower-cased email; "" when invalid (an error is recorded). */
  email(loc: string, raw: string): string {
    const value = raw.trim().toLowerCase();
    if (!value) this.add(loc, 'is required');
    else if (value.length > LIMITS.emailMax) this.add(loc, `must be at most ${LIMITS.emailMax} characters`);
    else if (CONTROL.test(value) || !EMAIL.test(value) || value.indexOf('@') > LIMITS.emailLocalMax)
      this.add(loc, 'is not a valid email address');
    else return value;
    return '';
  }

  /** A new password, checked against the policy. */
  newPassword(loc: string, raw: string): string {
    if (!raw) {
      this.add(loc, 'is required');
      return '';
    }
    for (const problem of passwordProblems(raw)) this.add(loc, problem);
    return raw;
  }

  /** A password presented for verification (not re-checked against today's policy). */
  presentedPassword(loc: string, raw: string): string {
    if (!raw) this.add(loc, 'is required');
    else if (raw.length > LIMITS.loginPasswordMax) this.add(loc, `must be at most ${LIMITS.loginPasswordMax} characters`);
    return raw;
  }

  fullName(loc: string, raw: string): string {
    const value = raw.trim();
    if (!value) this.add(loc, 'is required');
    else if ([...value].length > LIMITS.fullNameMax) this.add(loc, `must be at most ${LIMITS.fullNameMax} characters`);
    else if (CONTROL.test(value)) this.add(loc, 'must not contain control characters');
    return value;
  }

  bio(loc: string, raw: string): string {
    const value = raw.trim();
    if ([...value].length > LIMITS.bioMax) this.add(loc, `must be at most ${LIMITS.bioMax} characters`);
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) this.add(loc, 'must not contain control characters');
    return value;
  }

  /** "" clears the avatar; anything else must be an absolute http(s) URL. */
  avatarUrl(loc: string, raw: string): string {
    const value = raw.trim();
    if (!value) return '';
    if (value.length > LIMITS.avatarUrlMax) {
      this.add(loc, `must be at most ${LIMITS.avatarUrlMax} characters`);
      return '';
    }
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || CONTROL.test(value)) {
      this.add(loc, 'must be an http(s) URL');
      return '';
    }
    return value;
  }

  /**
   * "" clears the phone; else an E.164-ish number (the seed's String(20)): spaces, dots, hyphens and
   * parentheses are dropped, then an optional "+" and 7–15 digits not starting with 0 must remain.
   * Returns the normalised number ("+201001234567").
   */
  phone(loc: string, raw: string): string {
    const value = raw.trim();
    if (!value) return '';
    const digits = value.replace(/[\s.()-]/g, '');
    if (value.length > LIMITS.phoneMax) this.add(loc, `must be at most ${LIMITS.phoneMax} characters`);
    else if (!/^\+?[1-9][0-9]{6,14}$/.test(digits)) this.add(loc, 'must be a phone number in international format, e.g. +201001234567');
    else return digits;
    return '';
  }

  role(loc: string, raw: string): Role | undefined {
    if ((ROLES as readonly string[]).includes(raw)) return raw as Role;
    this.add(loc, `must be one of ${ROLES.join(', ')}`);
    return undefined;
  }

  /** An opaque token from a link or a client (refresh, reset, verification). */
  token(loc: string, raw: string): string {
    if (!raw) this.add(loc, 'is required');
    else if (raw.length > LIMITS.tokenMax || !/^[A-Za-z0-9_-]+$/.test(raw)) this.add(loc, 'is malformed');
    else return raw;
    return '';
  }
}

export { isUuid } from '@lms/kit/errors';
