import type { Logger } from 'pino';
import { tracing } from './bridge';
import { telemetrySettings } from './config';

export { tracing, type Tracing } from './bridge';
export { telemetrySettings, samplerSettings, serviceNameOfEntry, type TelemetrySettings, type SamplerSettings } from './config';

/**
 * Reports the state of tracing once the logger exists (runService). The SDK itself is started by the preload
 * (`@lms/kit/telemetry/register`, the first import of every entry): started this late, the instrumentations would
 * find grpc-js, pg and amqplib already loaded and trace nothing, so this never starts a second one — it warns when
 * an endpoint is configured but the preload did not run (e.g. a service started in-process by a test harness).
 */
export async function startTelemetry(serviceName: string, endpoint: string | undefined, logger?: Logger): Promise<void> {
  const running = tracing();
  if (running) {
    const { endpoint: exportTo, sampler } = running.settings;
    logger?.info({ service: running.settings.serviceName, endpoint: exportTo, sampler: sampler.name, ratio: sampler.ratio }, 'tracing on');
    return;
  }
  const settings = telemetrySettings({ ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT }, process.argv[1]);
  if (settings.enabled) {
    logger?.warn({ service: serviceName, endpoint: settings.endpoint }, 'an OTLP endpoint is set but tracing did not start: start the process with --require @lms/kit/telemetry/register');
  }
}

/** Exports the spans still batched and stops the SDK (at the end of a process's stop); nothing when tracing is off. */
export async function stopTelemetry(): Promise<void> {
  await tracing()?.shutdown().catch(() => undefined);
}
