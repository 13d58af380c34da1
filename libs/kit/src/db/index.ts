import { Client } from 'pg';
import { Sequelize, Transaction, type QueryInterface } from 'sequelize';
import type { Logger } from 'pino';

export { Sequelize, Transaction, type QueryInterface };
export { migrate, type Migration } from './migration';
export * from './sql-session';
export * from './unit-of-work';

export interface DatabaseOptions {
  url: string;
  poolMax?: number;
  logger?: Logger;
}

/** One pool per process. Queries are logged at debug level only when LOG_LEVEL allows it. */
export function createDatabase({ url, poolMax = 10, logger }: DatabaseOptions): Sequelize {
  return new Sequelize(url, {
    dialect: 'postgres',
    logging: logger?.isLevelEnabled('trace') ? (sql) => logger.trace({ sql }, 'sql') : false,
    pool: { max: poolMax, min: 0, idle: 10_000, acquire: 10_000 },
    define: { underscored: true, freezeTableName: true },
    dialectOptions: { application_name: logger?.bindings().service ?? 'lms' },
  });
}

/** Creates the database named in `url` when it does not exist (local development and tests). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create database with unsafe name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

/** Postgres unique violation (23505), as surfaced by sequelize. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { name?: string; original?: { code?: string }; parent?: { code?: string } };
  return e?.name === 'SequelizeUniqueConstraintError' || e?.original?.code === '23505' || e?.parent?.code === '23505';
}

/** Escapes LIKE/ILIKE wildcards so a value matches literally (with the default ESCAPE '\'). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
