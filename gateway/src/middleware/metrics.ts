import type { Request, RequestHandler } from 'express';
import type { HttpMetrics } from '@lms/kit/metrics';
import { expressPath, type AnyRoute } from '../routes/route';

/**
 * Counts and times every response (`lms_http_requests_total`, `lms_http_request_duration_seconds`) by the route's
 * TEMPLATE, so the labels stay bounded whatever the paths: Express's matched route, or — for the static GETs served
 * before the router (routes/route.ts staticGets) — the route whose path it is; anything else (404, 405, the docs'
 * assets) is `unmatched`. A request whose client went away before the response finished is not counted.
 */
export function httpMetrics(metrics: HttpMetrics, routes: AnyRoute[]): RequestHandler {
  const staticPaths = new Map<string, string>();
  for (const def of routes) {
    const path = expressPath(def.path);
    if (!path.includes(':')) staticPaths.set(path.toLowerCase(), path);
  }
  const templateOf = (req: Request): string => {
    const matched = (req.route as { path?: unknown } | undefined)?.path;
    if (typeof matched === 'string') return matched;
    let path = req.path.toLowerCase();
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    return staticPaths.get(path) ?? 'unmatched';
  };
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => metrics.observe(req.method, templateOf(req), res.statusCode, (performance.now() - started) / 1000));
    next();
  };
}
