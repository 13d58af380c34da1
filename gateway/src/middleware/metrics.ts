import type { Request, RequestHandler } from 'express';
import type { HttpMetrics } from '@lms/kit/metrics';
import { expressPath, type AnyRoute } from '../routes/route';

/**
 * Counts and times every response (`lms_http_requests_total`, `lms_http_request_duration_seconds`) by the route's
 * TEMPLATE, so the labels stay bounded whatever the paths: Express's matched route; else — the static GETs served
 * before the router (routes/route.ts staticGets), and requests answered before routing (the general rate limit's
 * 429, a body that is not JSON) — the route whose method and path they have; anything else (404, 405, the docs'
 * assets) is `unmatched`. A request whose client went away before the response finished is not counted.
 */
export function httpMetrics(metrics: HttpMetrics, routes: AnyRoute[]): RequestHandler {
  const staticGets = new Map<string, string>();
  for (const def of routes) {
    const path = expressPath(def.path);
    if (def.method === 'get' && !path.includes(':') && !staticGets.has(path.toLowerCase())) staticGets.set(path.toLowerCase(), path);
  }
  const table = routes.map((def) => {
    const path = expressPath(def.path);
    const pattern = path.replace(/[.]/g, '\\.').replace(/:[A-Za-z0-9_]+/g, '[^/]+');
    return { method: def.method.toUpperCase(), path, regex: new RegExp(`^${pattern}/?$`, 'i') };
  });
  const templateOf = (req: Request): string => {
    const matched = (req.route as { path?: unknown } | undefined)?.path;
    if (typeof matched === 'string') return matched;
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (method === 'GET') {
      let path = req.path.toLowerCase();
      if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
      const found = staticGets.get(path);
      if (found) return found;
    }
    // Refusals before routing, 404s and 405s only: one scan of the routes.
    return table.find((r) => r.method === method && r.regex.test(req.path))?.path ?? 'unmatched';
  };
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => metrics.observe(req.method, templateOf(req), res.statusCode, (performance.now() - started) / 1000));
    next();
  };
}
