import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentContext } from '../context';

export type { Logger };

/**
 * JSON logs on stdout; every line carries the service name and, inside a request or event,
 * its request_id and trace_id (taken from the async context, so callers never pass them).
 */
export function createLogger(service: string, level: string = 'info', options: LoggerOptions = {}): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        '*.password',
        'new_password',
        'current_password',
        'refresh_token',
        'access_token',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
    mixin() {
      const ctx = currentContext();
      return ctx ? { request_id: ctx.requestId, trace_id: ctx.traceId, span_id: ctx.spanId } : {};
    },
    ...options,
  });
}
