import { randomBytes } from 'node:crypto';
import { ConfigError } from '@lms/kit/config';
import { AppError } from '@lms/kit/errors';
import { DEV_SIGNING_KEY_ENCRYPTION_SECRET, loadAuthConfig, weakSecretProblems } from '../src/config';
import { lockRemainingSeconds, recordFailure, registerAttempt, throttleKeys, type ThrottlePolicy } from '../src/domain/login-throttle';
import { passwordProblems } from '../src/domain/password-policy';
import { hashOpaqueToken, issueSecond, judgeRefresh, newOpaqueToken } from '../src/domain/tokens';
import { assertAdminMayChange, removesAnAdmin, signupRole } from '../src/domain/user';
import { escapeLike } from '@lms/kit/db';
import { Checker } from '../src/domain/validation';


/** Production settings other than the key-encryption secret (the kit also guards the internal-call secret). */
const PRODUCTION = { NODE_ENV: 'production', INTERNAL_SERVICE_SECRET: 'Hk7-Rt2_Wp9Zx4Lm8Qv3Nb6Jc1Ys5Fd0G' };

describe('auth domain rules (unit)', () => {
  test.each([
    ['Correct-Horse-9', []],
    ['Pässwörd-1Ä', []],
    ['Aa1!aaaa', []],
    ['Aa1!aaa', ['must be at least 8 characters long']],
    ['alllowercase1!', ['must contain an upper-case letter']],
    ['ALLUPPERCASE1!', ['must contain a lower-case letter']],
    ['NoDigitsHere!', ['must contain a digit']],
    ['NoSpecials123', ['must contain a special character']],
    ['Has space 1A', []],
    [`Aa1!${'x'.repeat(124)}`, []],
    [`Aa1!${'x'.repeat(125)}`, ['must be at most 128 characters long']],
    ['Tab\tInside1', ['must not contain control characters']],
    ['', ['must be at least 8 characters long', 'must contain an upper-case letter', 'must contain a lower-case letter', 'must contain a digit', 'must contain a special character']],
  ])('When the password is %j, then the policy reports %j', (password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });

  test.each([
    ['Ada@Example.COM ', 'ada@example.com', true],
    ['a.b+c@sub.example.io', 'a.b+c@sub.example.io', true],
    ['no-at-sign', '', false],
    ['two@@example.com', '', false],
    ['a@localhost', '', false],
    ['spa ce@example.com', '', false],
    [`${'a'.repeat(65)}@example.com`, '', false],
    [`a@${'b'.repeat(250)}.com`, '', false],
  ])('When the email is %j, then it normalises to %j (valid: %s)', (raw, normalised, valid) => {
    const check = new Checker();
    expect(check.email('email', raw)).toBe(normalised);
    expect(check.ok).toBe(valid);
  });

  test('When avatar URLs are checked, then only absolute http(s) URLs up to 500 characters pass and "" clears', () => {
    const check = new Checker();
    expect(check.avatarUrl('a', 'https://cdn.example.test/me.png')).toBe('https://cdn.example.test/me.png');
    expect(check.avatarUrl('a', '')).toBe('');
    expect(check.ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,xx', '/relative.png', `https://x.io/${'a'.repeat(490)}`]) {
      const c = new Checker();
      c.avatarUrl('avatar_url', bad);
      expect(c.errors).toEqual([{ loc: ['avatar_url'], msg: expect.any(String) }]);
    }
  });

  test('When search text contains LIKE wildcards, then they are escaped', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  test('When a public sign-up names a role, then student is the default, instructor needs the flag, admin never', () => {
    expect(signupRole('', false)).toBe('student');
    expect(signupRole('student', false)).toBe('student');
    expect(signupRole('instructor', true)).toBe('instructor');
    expect(() => signupRole('instructor', false)).toThrow(expect.objectContaining({ kind: 'permission_denied' }));
    expect(() => signupRole('admin', true)).toThrow(expect.objectContaining({ kind: 'permission_denied', code: 'AUTH.ROLE_NOT_ALLOWED' }));
    expect(() => signupRole('root', true)).toThrow(expect.objectContaining({ kind: 'invalid_argument' }));
  });

  test('When an admin changes their own account, then demotion, deactivation and deletion are refused; others are fine', () => {
    const self = { id: 'a', role: 'admin' as const };
    expect(() => assertAdminMayChange('a', self, { role: 'student' })).toThrow(expect.objectContaining({ code: 'AUTH.CANNOT_DEMOTE_SELF' }));
    expect(() => assertAdminMayChange('a', self, { deactivate: true })).toThrow(expect.objectContaining({ kind: 'failed_precondition' }));
    expect(() => assertAdminMayChange('a', self, { delete: true })).toThrow(AppError);
    expect(() => assertAdminMayChange('a', self, { role: 'admin' })).not.toThrow();
    expect(() => assertAdminMayChange('b', self, { role: 'student', deactivate: true })).not.toThrow();
    const admin = { role: 'admin' as const, isActive: true, deletedAt: null };
    expect(removesAnAdmin(admin, { role: 'student' })).toBe(true);
    expect(removesAnAdmin(admin, { role: 'admin' })).toBe(false);
    expect(removesAnAdmin({ ...admin, role: 'student' }, { delete: true })).toBe(false);
  });

  describe('login throttle', () => {
    const policy: ThrottlePolicy = { maxFailures: 3, windowSeconds: 60, lockSeconds: 100, maxLockSeconds: 350 };
    const t0 = new Date('2030-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);

    test('When failures reach the limit inside the window, then the key locks for lockSeconds', () => {
      let r = recordFailure(null, t0, policy);
      r = recordFailure(r.state, at(10), policy);
      expect(r.lockedNow).toBe(false);
      r = recordFailure(r.state, at(20), policy);
      expect(r.lockedNow).toBe(true);
      expect(lockRemainingSeconds(r.state, at(20))).toBe(100);
      expect(lockRemainingSeconds(r.state, at(121))).toBe(0);
    });

    test('When attempts are registered before their outcome, then the one reaching the limit is allowed and the next are refused uncounted', () => {
      let state = null as ReturnType<typeof recordFailure>['state'] | null;
      const verdicts = [];
      for (let i = 0; i < 5; i++) {
        const v = registerAttempt(state, at(i), policy);
        if (v.allowed) state = v.state;
        verdicts.push(v.allowed ? 'allowed' : `refused ${v.retryAfterSeconds}`);
      }
      expect(verdicts).toEqual(['allowed', 'allowed', 'allowed', 'refused 99', 'refused 98']);
    });

    test('When keys are made, then the hard lock is per account and client IP, and the account-wide key is separate', () => {
      expect(throttleKeys('a@x.test', '10.0.0.1')).toEqual({
        account: 'account:a@x.test',
        accountIp: 'account_ip:a@x.test|10.0.0.1',
        ip: 'ip:10.0.0.1',
      });
      expect(throttleKeys('a@x.test', undefined)).toEqual({ account: 'account:a@x.test', accountIp: 'account_ip:a@x.test|', ip: undefined });
    });

    test('When failures are spread beyond the window, then the count starts over', () => {
      let r = recordFailure(null, t0, policy);
      r = recordFailure(r.state, at(30), policy);
      r = recordFailure(r.state, at(61), policy);
      expect(r).toMatchObject({ lockedNow: false, state: { failures: 1 } });
    });

    test('When a key is locked again, then each lock doubles up to the maximum, and is forgotten after a day', () => {
      let state = null as ReturnType<typeof recordFailure>['state'] | null;
      const lockLengths: number[] = [];
      let now = 0;
      for (let lock = 0; lock < 4; lock++) {
        for (let i = 0; i < 3; i++) state = recordFailure(state, at(now++), policy).state;
        lockLengths.push(lockRemainingSeconds(state, at(now - 1)));
        now = (state!.lockedUntil!.getTime() - t0.getTime()) / 1000 + 1;
      }
      expect(lockLengths).toEqual([100, 200, 350, 350]);
      const later = (state!.lockedUntil!.getTime() - t0.getTime()) / 1000 + 86_401;
      for (let i = 0; i < 3; i++) state = recordFailure(state, at(later + i), policy).state;
      expect(lockRemainingSeconds(state, at(later + 2))).toBe(100);
    });
  });

  test('When opaque tokens are made, then they are 32 random bytes in base64url and hashed with SHA-256', () => {
    const a = newOpaqueToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newOpaqueToken()).not.toBe(a);
    expect(hashOpaqueToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOpaqueToken(a)).toBe(hashOpaqueToken(a));
    expect(hashOpaqueToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('When a refresh token is judged, then used → reused, revoked/expired → invalid, else ok', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const later = new Date('2030-01-02T00:00:00Z');
    const live = { revokedAt: null, expiresAt: later };
    expect(judgeRefresh({ usedAt: null, expiresAt: later }, live, now)).toBe('ok');
    expect(judgeRefresh({ usedAt: now, expiresAt: later }, live, now)).toBe('reused');
    expect(judgeRefresh({ usedAt: null, expiresAt: now }, live, now)).toBe('invalid');
    expect(judgeRefresh({ usedAt: null, expiresAt: later }, { ...live, revokedAt: now }, now)).toBe('invalid');
    expect(judgeRefresh({ usedAt: null, expiresAt: later }, { revokedAt: null, expiresAt: now }, now)).toBe('invalid');
  });

  test('When a token is issued in the same second as a role change, then its iat is the next second', () => {
    const changed = new Date('2030-01-01T00:00:10.300Z');
    expect(issueSecond(changed.getTime() + 200, changed)).toEqual({ iat: Date.parse('2030-01-01T00:00:11Z') / 1000, waitMs: 500 });
    expect(issueSecond(changed.getTime() + 1000, changed)).toEqual({ iat: Date.parse('2030-01-01T00:00:11Z') / 1000, waitMs: 0 });
    expect(issueSecond(changed.getTime(), null).waitMs).toBe(0);
  });

  test('When production runs with the development or a short key-encryption secret, then the config is refused', () => {
    expect(() => loadAuthConfig({ ...PRODUCTION })).toThrow(ConfigError);
    expect(() => loadAuthConfig({ ...PRODUCTION, SIGNING_KEY_ENCRYPTION_SECRET: 'short-secret' })).toThrow(/at least 32/);
    expect(() => loadAuthConfig({ ...PRODUCTION, SIGNING_KEY_ENCRYPTION_SECRET: 's'.repeat(32) })).toThrow(/entropy/);
    expect(loadAuthConfig({ ...PRODUCTION, SIGNING_KEY_ENCRYPTION_SECRET: 'Zq4-vN8x_Lm2Tw7Kp3Rj9Hb5Yc1Fd6Gs0Ua' }).NODE_ENV).toBe('production');
    expect(loadAuthConfig({ NODE_ENV: 'development' }).SIGNING_KEY_ENCRYPTION_SECRET).toBe(DEV_SIGNING_KEY_ENCRYPTION_SECRET);
    expect(() => loadAuthConfig({ NODE_ENV: 'development', BCRYPT_COST: '3' })).toThrow(/BCRYPT_COST/);
    expect(loadAuthConfig({ NODE_ENV: 'development' })).toMatchObject({
      GRPC_PORT: 50051,
      BCRYPT_COST: 12,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 1209600,
      JWT_ISSUER: 'lms-auth',
      JWT_AUDIENCE: 'lms-api',
      ALLOW_INSTRUCTOR_SIGNUP: false,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCK_SECONDS: 900,
      PASSWORD_RESET_TTL_SECONDS: 3600,
      EMAIL_VERIFICATION_TTL_SECONDS: 86400,
      EXPOSE_ONE_TIME_TOKENS: false,
    });
  });

  test('When production gets a published, placeholder or low-entropy key-encryption secret, then the guard refuses it', () => {
    const refused = [
      'dev-only-signing-key-encryption-secret-0123456789', // the old docker-compose default (49 characters)
      'CHANGE-ME-to-a-random-string-of-at-least-32-characters', // k8s/base/secrets.example.yaml's placeholder
      DEV_SIGNING_KEY_ENCRYPTION_SECRET,
      'please-CHANGE-ME-before-going-live-0123456789',
      'changemechangemechangemechangeme12',
      'my-very-long-production-secret-value-2024',
      'abababababababababababababababababab', // long, 2 distinct characters
      'Aa1-Aa1-Aa1-Aa1-Aa1-Aa1-Aa1-Aa1-Aa1', // 4 distinct characters
      'xK9#pL2$mN7qxxxxxxxxxxR4tY6uI8oP0aS', // a run of one character
      'Zq4-vN8x_Lm2Tw7Kp3Rj9Hb5', // random-looking but short
    ];
    for (const value of refused) {
      expect(weakSecretProblems('SIGNING_KEY_ENCRYPTION_SECRET', value)).not.toEqual([]);
      expect(() => loadAuthConfig({ ...PRODUCTION, SIGNING_KEY_ENCRYPTION_SECRET: value })).toThrow(ConfigError);
    }
    for (const value of ['Zq4-vN8x_Lm2Tw7Kp3Rj9Hb5Yc1Fd6Gs0Ua', randomBytes(32).toString('base64url'), randomBytes(48).toString('base64'), randomBytes(32).toString('hex')]) {
      expect(weakSecretProblems('SIGNING_KEY_ENCRYPTION_SECRET', value)).toEqual([]);
    }
    // outside production the guard does not run (local defaults keep working)
    expect(loadAuthConfig({ NODE_ENV: 'test', SIGNING_KEY_ENCRYPTION_SECRET: 'dev-only-x' }).SIGNING_KEY_ENCRYPTION_SECRET).toBe('dev-only-x');
  });

  test('When NODE_ENV is not set, then auth runs as production and refuses the development secret', () => {
    expect(() => loadAuthConfig({ INTERNAL_SERVICE_SECRET: PRODUCTION.INTERNAL_SERVICE_SECRET })).toThrow(/SIGNING_KEY_ENCRYPTION_SECRET/);
  });

  test('When EXPOSE_ONE_TIME_TOKENS is asked for in production, then the config is refused; elsewhere it is off unless set', () => {
    const secret = 'q7Lz-Vw2Rk9_Tn4Hx8Jc3Mb6Pd1Fs5Gy0';
    expect(() => loadAuthConfig({ ...PRODUCTION, SIGNING_KEY_ENCRYPTION_SECRET: secret, EXPOSE_ONE_TIME_TOKENS: 'true' })).toThrow(
      /EXPOSE_ONE_TIME_TOKENS/,
    );
    expect(loadAuthConfig({ NODE_ENV: 'development' }).EXPOSE_ONE_TIME_TOKENS).toBe(false);
    expect(loadAuthConfig({ NODE_ENV: 'test' }).EXPOSE_ONE_TIME_TOKENS).toBe(false);
    expect(loadAuthConfig({ NODE_ENV: 'test', EXPOSE_ONE_TIME_TOKENS: 'true' }).EXPOSE_ONE_TIME_TOKENS).toBe(true);
  });
});
