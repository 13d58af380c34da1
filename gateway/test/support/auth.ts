import { randomBytes, randomUUID } from 'node:crypto';
import { createDatabase } from '@lms/kit/db';
// The auth service itself, started in-process by the fleet's test support: real PostgreSQL, RabbitMQ and Redis.
import { startAuth as startAuthService } from '@lms/testing-fleet';
import type { AuthConfig } from '@lms/auth/config';
import { AccessTokenSigner } from '@lms/auth/infra/access-token.signer';
import { KeyEncryption } from '@lms/auth/infra/key-encryption';
import { SigningKeyStore } from '@lms/auth/infra/signing-key.store';
import type { Api } from './http';

export interface TestAuth {
  address: string;
  config: AuthConfig;
  /** Ensures an active admin (auth's own bootstrap-admin command) and returns its credentials. */
  createAdmin(): Promise<{ email: string; password: string }>;
  /**
   * Signs an access token with auth's REAL active key but claims of our choosing (expired, other
   * audience…), using auth's own signer — the only way to get a correctly signed bad token.
   */
  signWithRealKey(claims: { sub: string; role: string; sid: string }, opts: { issuedAt: number; ttlSeconds: number; audience?: string; issuer?: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startAuth(label: string, env: Record<string, string> = {}): Promise<TestAuth> {
  const auth = await startAuthService({
    label: `gw_${label}`,
    env: {
      EXPOSE_ONE_TIME_TOKENS: 'true', // the journeys read password-reset/verification tokens from the reply
      REFRESH_REUSE_GRACE_SECONDS: '0', // the journeys replay a just-rotated token from the same client and expect theft
      ...env,
    },
  });
  const config = auth.config;
  const sequelize = createDatabase({ url: auth.db.url, poolMax: 2 });
  const keys = new SigningKeyStore(sequelize, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_SECRET), {
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  let stopped = false;
  return {
    address: auth.address,
    config,
    createAdmin: () => auth.createAdmin({ email: `admin-${randomBytes(4).toString('hex')}@example.com`, password: strongPassword(), fullName: 'Test Admin' }),
    async signWithRealKey(claims, opts) {
      const signer = new AccessTokenSigner(keys, {
        issuer: opts.issuer ?? config.JWT_ISSUER,
        audience: opts.audience ?? config.JWT_AUDIENCE,
        ttlSeconds: opts.ttlSeconds,
      });
      const signed = await signer.sign({ ...claims, jti: randomUUID() } as never, opts.issuedAt);
      return signed.token;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await auth.stop();
      await sequelize.close();
      await auth.close();
    },
  };
}

/** Meets auth's password policy (upper, lower, digit, special, 8+). */
export function strongPassword(): string {
  return `Pw-${randomBytes(6).toString('hex')}-X9`;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.com`;
}

export interface LoggedIn {
  email: string;
  password: string;
  userId: string;
  access: string;
  refresh: string;
  sessionId: string;
}

/** Registers a student through the gateway and logs in. */
export async function registerAndLogin(api: Api, label = 'student', headers: Record<string, string> = {}): Promise<LoggedIn> {
  const email = uniqueEmail(label);
  const password = strongPassword();
  const reg = await api.post('/api/v1/auth/register', { email, password, full_name: `Test ${label}` }, { headers });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  return login(api, email, password, headers);
}

export async function login(api: Api, email: string, password: string, headers: Record<string, string> = {}): Promise<LoggedIn> {
  const res = await api.post('/api/v1/auth/login', { email, password }, { headers });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return {
    email,
    password,
    userId: res.body.user.id,
    access: res.body.access_token,
    refresh: res.body.refresh_token,
    sessionId: res.body.session_id,
  };
}
