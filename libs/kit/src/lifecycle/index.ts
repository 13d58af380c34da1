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
