import type { Logger } from 'pino';

let sdk: { shutdown(): Promise<void> } | undefined;

/**
 * Start-up hook for OpenTelemetry. Called first in main.ts. With OTEL_EXPORTER_OTLP_ENDPOINT set it
 * starts the Node SDK (exporters configured by the standard OTEL_* variables); without it, nothing is
 * exported, but the W3C trace context is still created and propagated by the kit through gRPC
 * metadata (`traceparent`) and message headers, and written into every log line.
 */
export async function startTelemetry(serviceName: string, endpoint: string | undefined, logger?: Logger) {
  if (!endpoint || sdk) return;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const started = new NodeSDK({ serviceName });
  started.start();
  sdk = started;
  logger?.info({ endpoint }, 'telemetry started');
}

export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}
