import type { RequestHandler, Response } from 'express';
import { AppError, UnavailableError, currentContext, isAppError, runWithContext } from '@lms/kit';
import { requireRole, type Caller, type Role, type TokenVerifier } from '@lms/kit/auth';
import { tracing } from '@lms/kit/telemetry';

/**
 * Verifies the bearer token (signature with auth's cached JWKS, issuer, audience, expiry, algorithm,
 * then the Redis revocation marks). Only then does the token enter the request context, from which the
 * kit's gRPC client forwards it to services: a route that never authenticates (public) forwards no
 * token whatever the client sent, without having to remember `{ authorization: '' }`.
 */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    try {
      res.locals.caller = await verifier.verify(header);
      // the user id only (no email, no name): enough to find a user's requests in the traces
      tracing()?.annotate({ 'enduser.id': (res.locals.caller as Caller).userId });
    } catch (err) {
      // Token problems are AppErrors (401); anything else means the keys or the revocation
      // store could not be reached: the token cannot be checked, so the request is refused (503).
      next(isAppError(err) ? err : new UnavailableError('Token verification is unavailable, try again', 'AUTH_UNAVAILABLE', err));
      return;
    }
    const ctx = currentContext();
    if (ctx) runWithContext({ ...ctx, authorization: header }, next);
    else next();
  };
}

/**
 * For routes open to anonymous callers that serve more to identified ones: no Authorization header
 * (or an empty one) → anonymous; anything else must verify exactly as in `authenticate` (a bad or
 * revoked token is a 401, never a silent downgrade to anonymous).
 */
export function authenticateOptional(verifier: TokenVerifier): RequestHandler {
  const required = authenticate(verifier);
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined || header.trim() === '') {
      next();
      return;
    }
    required(req, res, next);
  };
}

/** Route guard: the verified caller must have one of the roles (403 otherwise). */
export function roleGuard(roles: readonly Role[]): RequestHandler {
  return (_req, res, next) => {
    try {
      requireRole(callerOf(res), ...roles);
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new AppError('internal', 'Route needs a caller but none was authenticated');
  return caller;
}
