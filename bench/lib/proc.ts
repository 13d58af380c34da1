import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './processes';

/**
 * What the benches read from /proc (Linux only): process trees and the servers of scripts/infra.sh. Shared by the
 * memory bench (RSS/PSS per process tree) and the CPU sampler (./cpu.ts).
 */

/** A file of /proc/<pid>/, or undefined when the process is gone meanwhile. */
export function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name (field 3, the state, is index 0): the name is in
 * parentheses and may itself contain spaces and parentheses, so split after the LAST ')'.
 */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Every process's parent (field 4 of /proc/<pid>/stat). */
export function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), 'stat');
    if (stat) map.set(Number(entry), Number(statFields(stat)[1]));
  }
  return map;
}

export function descendants(root: number, parentOf: Map<number, number>): number[] {
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) if (parent === pid) (out.push(child), walk(child));
  };
  walk(root);
  return out;
}

export type InfraServer = 'postgresql' | 'rabbitmq' | 'redis' | 'mail' | 's3rver';

const PID_FILES: Record<InfraServer, string> = {
  postgresql: 'postgres.pid',
  rabbitmq: 'rabbitmq.pid',
  redis: 'redis.pid',
  mail: 'mail.pid',
  s3rver: 's3rver.pid',
};

/**
 * The root PID of each running server of scripts/infra.sh, from .infra/<name>.pid (read only; an external or stopped
 * server is left out): PostgreSQL's postmaster, RabbitMQ's beam.smp, redis-server, the capture mailbox, s3rver.
 */
export function infraServerPids(names: readonly InfraServer[]): Partial<Record<InfraServer, number>> {
  const out: Partial<Record<InfraServer, number>> = {};
  for (const name of names) {
    const pidFile = path.join(REPO, '.infra', PID_FILES[name]);
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim().split('\n')[0]) : 0;
    if (pid && readProc(pid, 'status')) out[name] = pid;
  }
  return out;
}

/** epmd (Erlang's port mapper) is started by the RabbitMQ node but reparented to init; it belongs to the node all the same. */
export function epmdPids(parentOf: Map<number, number>): number[] {
  return [...parentOf.keys()].filter((p) => readProc(p, 'comm')?.trim() === 'epmd');
}

/**
 * The database a PostgreSQL process serves, from its title ("postgres: <user> <database> <client> <state>"), or
 * undefined for the postmaster and the background workers (checkpointer, walwriter…), which name no client.
 */
export function postgresBackendDatabase(pid: number): string | undefined {
  const title = (readProc(pid, 'cmdline') ?? '').replaceAll('\0', ' ');
  const backend = /^postgres: \S+ (\S+) \S+/.exec(title);
  return backend && /\d+\.\d+\.\d+\.\d+\(|\[local\]/.test(title) ? backend[1] : undefined;
}
