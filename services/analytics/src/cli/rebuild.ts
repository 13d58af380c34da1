import { createEventLogClient } from '@lms/kit/clients';
import { createDatabase } from '@lms/kit/db';
import { runMigrations } from '@lms/kit/lifecycle';
import { createLogger } from '@lms/kit/logging';
import { migrations } from '../../migrations';
import { checkReadModels, formatMismatches, formatRebuildReport, rebuildReadModels, REBUILD_PRODUCERS } from '../app/rebuild/rebuild';
import { loadAnalyticsConfig, type AnalyticsConfig } from '../config';

/** The producers' addresses (their event logs are served next to their own contracts). */
function logAddresses(config: AnalyticsConfig): Record<(typeof REBUILD_PRODUCERS)[number], string> {
  return {
    auth: config.AUTH_GRPC_ADDR,
    catalog: config.CATALOG_GRPC_ADDR,
    enrollment: config.ENROLLMENT_GRPC_ADDR,
    quiz: config.QUIZ_GRPC_ADDR,
    certificate: config.CERTIFICATE_GRPC_ADDR,
  };
}

/**
 * `analytics rebuild --check`: compares every aggregate with a recount from the fact rows (read only; nothing
 * is rebuilt). Returns whether they all agree.
 */
export async function runCheck(config: AnalyticsConfig, write: (text: string) => void): Promise<boolean> {
  const logger = createLogger('analytics-rebuild', config.LOG_LEVEL);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: 2 });
  try {
    const mismatches = await checkReadModels(sequelize);
    write(`${formatMismatches(mismatches)}\n`);
    return mismatches.length === 0;
  } finally {
    await sequelize.close();
  }
}

/**
 * `analytics rebuild` (npm run rebuild -w @lms/analytics): applies pending migrations (a fresh database works),
 * empties the read models and replays the producers' event logs through the live consumer's ingestion step
 * (app/rebuild/rebuild.ts). The analytics service may keep running meanwhile. Prints the counts per producer
 * and the time taken; exits 0, or 1 on a failure (run it again: it starts over).
 */
export async function runRebuild(config: AnalyticsConfig, write: (text: string) => void): Promise<void> {
  const logger = createLogger('analytics-rebuild', config.LOG_LEVEL);
  await runMigrations(config, migrations, logger);
  const sequelize = createDatabase({ url: config.DATABASE_URL, logger, poolMax: 4 });
  const addresses = logAddresses(config);
  // Signed as analytics: the logs serve only their readers. A page of 500 events can take a while to read.
  const sources = REBUILD_PRODUCERS.map((name) => ({ name, client: createEventLogClient(addresses[name], Math.max(config.GRPC_DEADLINE_MS, 30_000), 'analytics') }));
  try {
    const report = await rebuildReadModels({ sequelize, logger, sources, batchSize: config.REBUILD_BATCH_SIZE });
    write(`${formatRebuildReport(report)}\n`);
  } finally {
    for (const source of sources) source.client.close();
    await sequelize.close();
  }
}

/**
 * The cause in words: a Sequelize error's own message can be empty (its `name` only), the database's message is on
 * `parent`/`original`; then the stack for the rest.
 */
function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { parent?: Error; original?: Error }).parent ?? (err as { original?: Error }).original;
  const reason = [err.message, cause?.message].filter((m, i, all) => m && all.indexOf(m) === i).join(': ') || err.name;
  return `${reason}\n${err.stack ?? ''}`;
}

if (require.main === module) {
  const write = (text: string) => void process.stdout.write(text);
  const check = process.argv.includes('--check');
  const config = loadAnalyticsConfig();
  (check ? runCheck(config, write) : runRebuild(config, write).then(() => true)).then(
    (ok) => process.exit(ok ? 0 : 1),
    (err: unknown) => {
      process.stderr.write(`analytics rebuild failed: ${describeFailure(err)}\n`);
      process.exit(1);
    },
  );
}
