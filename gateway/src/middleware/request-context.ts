import type { RequestHandler } from 'express';
import { contextFromIncoming, currentContext, newRequestId, runWithContext, sanitizeRequestId, type Logger } from '@lms/kit';
import { tracing } from '@lms/kit/telemetry';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A sane incoming X-Request-Id is kept (short, printable), anything else is replaced; echoed back. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const id = sanitizeRequestId(req.get(REQUEST_ID_HEADER)) ?? newRequestId();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/** The client address as logged and forwarded to services (`x-client-ip`); IPv4-mapped IPv6 unwrapped. */
export function clientIp(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4 = mappedIpv4(ip);
  if (v4) return v4;
  return ip;
}

/**
 * The identity of a client for per-IP limits: an IPv4 address as it is, an IPv6 address by its /64
 * (`2001:db8:1:2::/64`). One IPv6 subscriber owns a whole /64 (2^64 addresses), so keying on the full
 * address would give a client that rotates its source address a fresh bucket per request. IPv4-mapped
 * (`::ffff:1.2.3.4`, `::ffff:102:304`) and IPv4-compatible forms count as the IPv4 address.
 */
export function ipBucket(ip: string | undefined): string {
  if (!ip || ip === 'unknown') return 'unknown';
  const v4 = mappedIpv4(ip);
  if (v4) return v4;
  const groups = ipv6Groups(ip);
  if (!groups) return ip; // not an address (a test double, a unix socket): keyed as it is
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, embedded IPv4 tail allowed), or undefined. */
function ipv6Groups(ip: string): number[] | undefined {
  let text = ip.split('%')[0].toLowerCase();
  if (!text.includes(':') || !/^[0-9a-f:.]+$/.test(text)) return undefined;
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    // An embedded IPv4 tail (`::ffff:1.2.3.4`) is the last two groups written as a dotted quad.
    const octets = last.split('.');
    if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) return undefined;
    const [a, b, c, d] = octets.map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const rest = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest].map((g) => parseInt(g, 16));
}

/** `a.b.c.d` for an IPv4-mapped (::ffff:0:0/96) or IPv4-compatible (::/96, not :: or ::1) IPv6 address. */
function mappedIpv4(ip: string): string | undefined {
  const groups = ipv6Groups(ip);
  if (!groups || groups.slice(0, 5).some((g) => g !== 0)) return undefined;
  const mapped = groups[5] === 0xffff;
  const compatible = groups[5] === 0 && (groups[6] !== 0 || groups[7] > 1) && ip.includes('.');
  if (!mapped && !compatible) return undefined;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

/**
 * Everything after this runs inside the request's async context: the logger adds request/trace ids,
 * and the kit's gRPC client forwards request id, trace and client ip/user agent. The Authorization
 * header is deliberately NOT put here: `authenticate()` adds the token once it has verified it, so an
 * unverified token can never be forwarded.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const ctx = contextFromIncoming({
      requestId: res.locals.requestId as string,
      traceparent: req.get('traceparent'),
      clientIp: clientIp(req.ip),
      userAgent: req.get('user-agent'),
    });
    res.locals.clientIp = ctx.clientIp;
    // scripts/trace finds a request's trace by the id the client saw (X-Request-Id)
    tracing()?.annotate({ 'lms.request_id': ctx.requestId });
    runWithContext(ctx, next);
  };
}

/**
 * One line per request when the response is done: method, path, status, duration. No bodies, no tokens. A line is
 * `info` (`warn` for a 5xx): at a level that writes neither nothing is hooked, at `warn` only the end of a response
 * (a client that goes away early is a 499, an `info` line) — a request then costs no listeners it cannot use.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const info = logger.isLevelEnabled('info');
    if (!info && !logger.isLevelEnabled('warn')) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    let logged = false;
    // The line is written from the response's events, outside the request's async context: it is put back for
    // the logger (request and trace ids). Not AsyncResource.bind: that builds two deprecation wrappers per call.
    const ctx = currentContext();
    const done = (aborted: boolean) => {
      if (logged || (!info && res.statusCode < 500)) return;
      logged = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const caller = res.locals.caller as { userId?: string } | undefined;
      const line = {
        method: req.method,
        path: req.path.slice(0, 300),
        status: aborted && !res.writableFinished ? 499 : res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: res.locals.clientIp as string | undefined,
        ...(caller?.userId ? { user_id: caller.userId } : {}),
      };
      const write = () => (line.status >= 500 ? logger.warn(line, 'request') : logger.info(line, 'request'));
      if (ctx) runWithContext(ctx, write);
      else write();
    };
    res.once('finish', () => done(false));
    if (info) res.once('close', () => done(true));
    next();
  };
}
