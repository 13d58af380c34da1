import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@lms/testing-fleet';

const run = promisify(execFile);

/** Debian's PostgreSQL 15, the binaries scripts/infra.sh runs the shared server with (PG_BIN overrides, as for scripts/backup.sh). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** The superuser's URL (role `lms`, a random password, database `postgres`): an admin URL for the scripts. */
  adminUrl: string;
  /** The URL of another database of this cluster. */
  urlOf(database: string): string;
  /** Stops the cluster (fast shutdown) and deletes its directory. */
  stop(): Promise<void>;
}

/**
 * A fresh PostgreSQL cluster of this suite's own — initdb in a temporary directory, started on a free port of
 * 127.0.0.1 — for a suite that must start from an empty server without touching the shared one. As root (how
 * scripts/infra.sh runs) the server runs as `postgres`, which PostgreSQL requires; otherwise as the caller.
 * Password authentication over TCP, as a real server.
 */
export async function startPrivatePostgres(label: string): Promise<PrivatePostgres> {
  const asRoot = process.getuid?.() === 0;
  const exec = (bin: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]) : run(path.join(PG_BIN, bin), args));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lms-pg-${label}-`));
  const data = path.join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'pwfile'), password);
  if (asRoot) await run('chown', ['-R', 'postgres:postgres', dir]);
  let started = false;
  const stop = async () => {
    if (started) await exec('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']).catch(() => undefined);
    started = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await exec('initdb', ['-D', data, '-U', 'lms', `--pwfile=${path.join(dir, 'pwfile')}`, '-E', 'UTF8', '--locale=C.UTF-8', '--auth-local=trust', '--auth-host=scram-sha-256', '-N']);
    const port = await freePort();
    // fsync off and no socket in /var/run: a throw-away cluster, like the shared one's settings.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await exec('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'postgres.log'), '-o', options]);
    started = true;
    const urlOf = (database: string) => `postgres://lms:${password}@127.0.0.1:${port}/${database}`;
    return { adminUrl: urlOf('postgres'), urlOf, stop };
  } catch (err) {
    const log = path.join(dir, 'postgres.log');
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
    await stop();
    throw new Error(`private PostgreSQL did not start: ${(err as Error).message}\n${tail}`);
  }
}
