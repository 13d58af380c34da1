import { env, loadConfig } from '../../config';
import { createLogger } from '../../logging';
import { RECEIVER_DEFAULTS, startOtlpReceiver } from './receiver';

/**
 * The local receiver as a process: `TRACES=1 make run` starts it (scripts/run.sh) and points every process's
 * OTLP exporter at it; `scripts/trace` reads its file. Loopback by default: it accepts anything posted to it.
 */
const traceReceiverConfig = {
  LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  TRACES_HOST: env.str('127.0.0.1'),
  TRACES_PORT: env.port(4318),
  TRACES_FILE: env.str('.run/traces/spans.jsonl'),
  /** The file is rotated to <file>.1 at this size: at most twice this on disk. */
  TRACES_MAX_FILE_MB: env.int(RECEIVER_DEFAULTS.maxFileBytes / (1024 * 1024), { min: 1, max: 4096 }),
};

async function main() {
  const config = loadConfig(traceReceiverConfig);
  const logger = createLogger('trace-receiver', config.LOG_LEVEL);
  const receiver = await startOtlpReceiver({
    host: config.TRACES_HOST,
    port: config.TRACES_PORT,
    file: config.TRACES_FILE,
    maxFileBytes: config.TRACES_MAX_FILE_MB * 1024 * 1024,
    onSpans: (spans) => logger.debug({ spans: spans.length }, 'spans received'),
  });
  logger.info({ url: receiver.url, file: config.TRACES_FILE }, 'OTLP/HTTP JSON trace receiver listening (POST /v1/traces)');
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    receiver.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`trace receiver: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
