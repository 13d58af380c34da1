import { randomBytes } from 'node:crypto';
import { GrpcStatus, type PromiseClient } from '@lms/kit/grpc';
import type { AuthServiceDefinition } from '@lms/kit/generated/lms/auth/v1/AuthService';
import { contextFromIncoming, runWithContext } from '@lms/kit';
import type { TestResource } from '@lms/kit/testing';
import { PASSWORD, startAuth as startAuthService, type AuthHandle } from '@lms/testing-fleet';
import { loadBootstrapAdminConfig, type AuthConfig } from '../src/config';
import type { RunningAuthService } from '../src/main';
export { captureEvents, expectGrpcError } from '@lms/kit/testing';

export type AuthClient = PromiseClient<AuthServiceDefinition>;

export const STRONG_PASSWORD = PASSWORD;

export interface AuthHarness {
  config: AuthConfig;
  client: AuthClient;
  db: TestResource;
  vhost: TestResource;
  service: RunningAuthService;
  env: Record<string, string>;
  /** Auth's own bootstrap-admin command (see @lms/testing-fleet). */
  createAdmin: AuthHandle['createAdmin'];
  close(): Promise<void>;
}

/** Starts the auth service in-process on its own database and vhost (port 0, bcrypt cost 4). */
export async function startAuth(label: string, overrides: Record<string, string> = {}): Promise<AuthHarness> {
  return startAuthService({ label, env: overrides });
}

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomBytes(5).toString('hex')}@Example.test`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Runs a call as if it came through the gateway from this client IP. */
export function fromIp<T>(ip: string, fn: () => Promise<T>): Promise<T> {
  return runWithContext(contextFromIncoming({ clientIp: ip, userAgent: 'jest' }), fn);
}

/** Registers and signs in a fresh user; returns the credentials and tokens. */
export async function signUpAndIn(client: AuthClient, label = 'user', password = STRONG_PASSWORD) {
  const email = uniqueEmail(label);
  const user = await client.Register({ email, password, full_name: `${label} Tester`, role: '' });
  const tokens = await client.Login({ email, password });
  return { email, password, user, tokens, auth: bearer(tokens.access_token) };
}

/** Ensures an administrator through the bootstrap command and signs in as them. */
export async function adminSession(h: AuthHarness) {
  const { email } = await h.createAdmin({ email: uniqueEmail('admin'), password: STRONG_PASSWORD });
  const tokens = await h.client.Login({ email, password: STRONG_PASSWORD });
  return { email, tokens, auth: bearer(tokens.access_token), userId: tokens.user!.id };
}

/** Auth's "Confirm your email address" email (sign-up, resend, own email change). */
export const isVerificationMail = (m: { subject: string }) => m.subject === 'Confirm your email address';

/** The one-time token of the `…/<page>?token=…` link in a captured email; throws when there is none. */
export function linkToken(mail: { text: string }, page: 'reset-password' | 'verify-email'): string {
  const match = new RegExp(`${page}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in: ${mail.text}`);
  return match[1];
}

export function loadAuthConfigForBootstrap(h: AuthHarness, admin: Record<string, string>) {
  return loadBootstrapAdminConfig({ ...h.env, ...admin });
}



export { GrpcStatus };
