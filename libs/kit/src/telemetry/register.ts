/**
 * The tracing preload: the FIRST import of every process entry (services/<name>/src/main.ts, gateway/src/main.ts),
 * and usable as `node --require @lms/kit/telemetry/register <main.js>`. With an OTLP endpoint set
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_SDK_DISABLED not true, it starts the
 * OpenTelemetry SDK synchronously — before grpc-js, pg, amqplib, ioredis, http and express are required, which is
 * what lets the instrumentations patch them. Without one it loads nothing but the settings parser: an untraced
 * process carries no OpenTelemetry module at all (idle memory) and the kit keeps its own cheap trace context.
 * Loading it twice (the flag and the import) starts one SDK.
 */
import { tracing } from './bridge';
import { telemetrySettings } from './config';

const settings = telemetrySettings(process.env, process.argv[1]);
if (settings.enabled && !tracing()) {
  // Required only here: `import` would load the SDK in every process.
  (require('./sdk') as typeof import('./sdk')).startSdk(settings, process.argv[1]);
}
