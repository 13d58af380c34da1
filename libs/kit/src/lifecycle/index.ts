import type { Logger } from 'pino';

/**
 * Runs a process: start(), then on SIGTERM/SIGINT stop() in order and exit 0; a failing start,
 * an uncaught exception or an unhandled rejection logs and exits non-zero so the orchestrator restarts us.
 */
export function runMain(start: () => Promise<unknown>, stop: () => Promise<void>, logger: Logger, stopTimeoutMs = 15000) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out, exiting');
      process.exit(1);
    }, stopTimeoutMs);
    timer.unref();
    try {
      await stop();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });
  start().catch((err) => {
    logger.fatal({ err }, 'failed to start');
    process.exit(1);
  });
}

interface ServiceBaseConfig {
  LOG_LEVEL: string;
  SHUTDOWN_TIMEOUT_MS: number;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

/**
 * The `main` of every service and the gateway: validate the config (print every problem and exit 1),
 * create the logger, start telemetry, then start/stop under runMain's signal handling.
 */
export function runService<C extends ServiceBaseConfig>(
  name: string,
  loadConfig: () => C,
  start: (config: C, logger: Logger) => Promise<{ stop(): Promise<void> }>,
): void {
  let config: C;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  // Imported here so a config error exits before pino loads (OpenTelemetry, when on, came with the entry's preload).
  const { createLogger } = require('../logging') as typeof import('../logging');
  const { startTelemetry, stopTelemetry } = require('../telemetry') as typeof import('../telemetry');
  const logger = createLogger(name, config.LOG_LEVEL);
  let running: { stop(): Promise<void> } | undefined;
  runMain(
    async () => {
      await startTelemetry(name, config.OTEL_EXPORTER_OTLP_ENDPOINT, logger).catch((err: Error) =>
        logger.warn({ err: err.message }, 'telemetry did not start'),
      );
      running = await start(config, logger);
    },
    async () => {
      await running?.stop();
      // last: the spans of the shutdown itself are exported too
      await stopTelemetry();
    },
    logger,
    config.SHUTDOWN_TIMEOUT_MS + 5_000,
  );
}
export * from './service';
export * from './event-log';
