import type { Request, Response } from 'express';
import { AppError } from '@lms/kit';

/**
 * The optional refresh-token cookie for browser clients (the seed's web option): `refresh_token`,
 * HttpOnly (no script can read it), Secure, SameSite=Strict, scoped to the auth routes
 * (`Path=/api/v1/auth`, the seed's path: the one prefix both /auth/refresh and /auth/logout share) and
 * living as long as the refresh token itself. Only refresh and logout ever read it.
 *
 * CSRF: a request that authenticates with this cookie must prove it comes from the application's own
 * pages. SameSite=Strict already keeps browsers from attaching the cookie to cross-site requests; on top
 * of it (older browsers, same-site sibling hosts) the gateway requires
 *   1. the custom header `X-Requested-With` (any value) — a cross-site form or image cannot send a
 *      custom header, and a cross-origin script can only after a CORS preflight, which the gateway
 *      answers only for CORS_ORIGINS; and
 *   2. an `Origin` (else `Referer`) that is the gateway's own origin or one of CORS_ORIGINS, when the
 *      browser sends one (`Sec-Fetch-Site: cross-site` is refused too).
 * Otherwise 403 AUTH.CSRF_REJECTED. No token state is needed (unlike a double-submit cookie), and
 * clients that send the refresh token in the body (mobile, CLI) are not affected.
 */
export const REFRESH_COOKIE = 'refresh_token';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
export const CSRF_HEADER = 'X-Requested-With';

export function readRefreshCookie(req: Request): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

const ATTRIBUTES = `Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

/** Sets the cookie until `expiresAt` (RFC 3339; the refresh token's own expiry). */
export function setRefreshCookie(res: Response, token: string, expiresAt: string, nowMs = Date.now()): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - nowMs) / 1000));
  appendCookie(res, `${REFRESH_COOKIE}=${token}; ${ATTRIBUTES}; Max-Age=${Number.isFinite(maxAge) ? maxAge : 0}`);
}

export function clearRefreshCookie(res: Response): void {
  appendCookie(res, `${REFRESH_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`);
}

function appendCookie(res: Response, cookie: string): void {
  if (!res.headersSent) res.append('Set-Cookie', cookie);
}

/** The CSRF proof of a cookie-authenticated request (see the module comment); throws 403 otherwise. */
export function assertNotCrossSite(req: Request, trustedOrigins: readonly string[]): void {
  const refuse = (why: string) => new AppError('permission_denied', `Cross-site request refused: ${why}`, { code: 'AUTH.CSRF_REJECTED' });
  if (!req.get(CSRF_HEADER)) throw refuse(`the refresh-token cookie needs the ${CSRF_HEADER} header`);
  if (req.get('sec-fetch-site') === 'cross-site') throw refuse('the request comes from another site');
  const origin = req.get('origin') ?? originOf(req.get('referer'));
  if (origin === undefined) return;
  const own = `${req.protocol}://${req.get('host') ?? ''}`;
  if (origin !== own && !trustedOrigins.includes(origin)) throw refuse(`origin ${origin.slice(0, 100)} is not trusted`);
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}
