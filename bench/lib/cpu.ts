import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { descendants, epmdPids, infraServerPids, parents, postgresBackendDatabase, readProc, statFields } from './proc';

/**
 * CPU accounting of a bench: where every CPU-millisecond of a measured phase went — in each process of the fleet,
 * in the bench's own process and in the PostgreSQL, RabbitMQ and Redis servers — so a figure can be set against
 * the CPU one operation costs, and the rest of the box's load (other work on the machine) shows apart.
 *
 *   const cpu = cpuSampler({ processes: { gateway: gw.pid, quiz: quiz.pid }, servers: true, databases });
 *   cpu.delta();                 // starts a window (what came before it is dropped)
 *   … the measured phase …
 *   console.log(cpuTable(cpu.delta(), starts, 'start').join('\n'));
 *
 * Source: /proc/<pid>/stat, utime + stime (every thread of the process: the kernel sums them in the thread group's
 * line) + cutime + cstime (children it reaped, e.g. PostgreSQL backends that ended), in clock ticks of 10 ms; each
 * named process counts with its descendants. The bench's own process: process.cpuUsage() (µs, all its threads —
 * a worker thread running services in `worker` mode is in it). The box: /proc/stat.
 */

/** USER_HZ of /proc/<pid>/stat and /proc/stat: 100 on every Linux this runs on (getconf CLK_TCK). */
const MS_PER_TICK = 10;

export interface CpuSamplerOptions {
  /** Processes by name → PID, each counted with its descendants (a service, the gateway). */
  processes?: Record<string, number>;
  /** The bench's own process under this name (default `bench client`); false leaves it out. */
  self?: string | false;
  /**
   * The servers of scripts/infra.sh (.infra/*.pid), each a whole tree: `postgres` (postmaster, background workers,
   * backends), `rabbitmq` (beam.smp, erl_child_setup and its helpers, epmd), `redis`.
   */
  servers?: boolean;
  /**
   * PostgreSQL backends counted in `postgres`: those connected to these databases (the bench's own); the backends of
   * other clients — and the backends the postmaster reaped meanwhile, whose database is no longer known — go to
   * `others.postgres`, outside the total. Omitted: every backend counts.
   */
  databases?: string[];
}

export interface CpuDelta {
  /** Wall time of the window. */
  wallMs: number;
  /** CPU ms per named process (the servers as `postgres`, `rabbitmq`, `redis`), in the order they were given. */
  cpuMs: Record<string, number>;
  /** Sum of cpuMs. */
  totalMs: number;
  /** CPU ms measured but left out of the total (`postgres`: other clients' backends). */
  others: Record<string, number>;
  /** The whole box: cores busy over the window (every process, ours and everyone else's), and how many it has. */
  boxBusyCores: number;
  cores: number;
}

interface Sample {
  at: number;
  /** Per bucket, per process (`<pid>@<start time>`: a reused PID is another process): CPU ticks so far. */
  ticks: Map<string, Map<string, number>>;
  selfUs: number;
  boxBusyTicks: number;
}

/** CPU ticks of one process from its stat line: own (utime + stime) and reaped children (cutime + cstime). */
export function parseStatTicks(stat: string): { own: number; reaped: number; start: string } {
  const f = statFields(stat);
  return { own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]), start: f[19] };
}

/** Busy ticks of the whole box from /proc/stat's first line (user nice system idle iowait irq softirq steal …). */
export function parseBoxBusyTicks(procStat: string): number {
  const [user, nice, system, , , irq, softirq, steal] = procStat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return user + nice + system + irq + softirq + (steal || 0);
}

export function cpuSampler(options: CpuSamplerOptions) {
  const selfName = options.self === undefined ? 'bench client' : options.self;
  const servers = options.servers ? infraServerPids(['postgresql', 'rabbitmq', 'redis']) : {};
  const databases = options.databases && new Set(options.databases);
  const names = [...Object.keys(options.processes ?? {}), ...(selfName ? [selfName] : []), ...(servers.postgresql ? ['postgres'] : []), ...(servers.rabbitmq ? ['rabbitmq'] : []), ...(servers.redis ? ['redis'] : [])];

  const sample = (): Sample => {
    const parentOf = parents();
    const ticks = new Map<string, Map<string, number>>();
    const add = (bucket: string, key: string, value: number) => {
      let b = ticks.get(bucket);
      if (!b) ticks.set(bucket, (b = new Map()));
      b.set(key, (b.get(key) ?? 0) + value);
    };
    // `reapedTo`: the bucket of the children the process reaped (ended processes of the tree), by default its own.
    const count = (pid: number, bucket: string, reapedTo = bucket) => {
      const stat = readProc(pid, 'stat');
      if (!stat) return; // ended meanwhile
      const t = parseStatTicks(stat);
      add(bucket, `${pid}@${t.start}`, t.own);
      add(reapedTo, `${pid}@${t.start}:reaped`, t.reaped);
    };
    for (const [name, pid] of Object.entries(options.processes ?? {})) for (const p of [pid, ...descendants(pid, parentOf)]) count(p, name);
    if (servers.postgresql) {
      const postmaster = servers.postgresql;
      count(postmaster, 'postgres', databases ? 'others:postgres' : 'postgres');
      for (const p of descendants(postmaster, parentOf)) {
        const db = postgresBackendDatabase(p);
        count(p, db === undefined || !databases || databases.has(db) ? 'postgres' : 'others:postgres');
      }
    }
    if (servers.rabbitmq) for (const p of [servers.rabbitmq, ...descendants(servers.rabbitmq, parentOf), ...epmdPids(parentOf)]) count(p, 'rabbitmq');
    if (servers.redis) for (const p of [servers.redis, ...descendants(servers.redis, parentOf)]) count(p, 'redis');
    const usage = process.cpuUsage();
    return { at: performance.now(), ticks, selfUs: usage.user + usage.system, boxBusyTicks: parseBoxBusyTicks(fs.readFileSync('/proc/stat', 'utf8')) };
  };

  let last = sample();
  return {
    /** CPU per process since the previous delta() (or since the sampler was made); starts the next window. */
    delta(): CpuDelta {
      const now = sample();
      const wallMs = now.at - last.at;
      const bucketMs = (bucket: string) => {
        let ticks = 0;
        const before = last.ticks.get(bucket);
        // A process born in the window counts whole; one that ended in it is in its parent's reaped ticks (whole
        // life) if the parent is counted, otherwise lost — never more than its last window.
        for (const [key, value] of now.ticks.get(bucket) ?? []) ticks += Math.max(0, value - (before?.get(key) ?? 0));
        return ticks * MS_PER_TICK;
      };
      const cpuMs: Record<string, number> = {};
      for (const name of names) cpuMs[name] = name === selfName ? (now.selfUs - last.selfUs) / 1000 : bucketMs(name);
      const others: Record<string, number> = {};
      for (const bucket of now.ticks.keys()) if (bucket.startsWith('others:')) others[bucket.slice('others:'.length)] = bucketMs(bucket);
      const cores = os.cpus().length;
      const boxBusyCores = wallMs > 0 ? ((now.boxBusyTicks - last.boxBusyTicks) * MS_PER_TICK) / wallMs : 0;
      last = now;
      return { wallMs, cpuMs, totalMs: Object.values(cpuMs).reduce((a, b) => a + b, 0), others, boxBusyCores, cores };
    },
  };
}

const fmt = (x: number, digits: number, width: number) => x.toFixed(digits).padStart(width);

/**
 * "CPU ms per operation" of a window: one line per process (CPU ms, ms per operation, share of the total, cores
 * busy = CPU ms ÷ wall ms), the total, and how busy the whole box was (the gap to the total is everything else on
 * the machine). `title` names the phase; the lines are indented for a bench's report.
 */
export function cpuTable(d: CpuDelta, operations: number, operation = 'operation', title = ''): string[] {
  const rows = Object.entries(d.cpuMs);
  const nameWidth = Math.max(18, ...rows.map(([name]) => name.length + 2));
  const perOp = `ms/${operation}`;
  const opWidth = Math.max(10, perOp.length + 2);
  const line = (name: string, ms: number) =>
    `    ${name.padEnd(nameWidth)}${fmt(ms, 0, 9)}${fmt(ms / operations, 3, opWidth)}${fmt(d.totalMs ? (ms / d.totalMs) * 100 : 0, 1, 8)}${fmt(ms / d.wallMs, 2, 8)}`;
  const other = Object.entries(d.others).filter(([, ms]) => ms > 0);
  const servers = ['rabbitmq', 'redis'].filter((name) => name in d.cpuMs);
  return [
    `  ${title ? `${title}: ` : ''}CPU per ${operation} (${operations} in ${(d.wallMs / 1000).toFixed(1)} s; /proc ticks of ${MS_PER_TICK} ms)`,
    `    ${'process'.padEnd(nameWidth)}${'CPU ms'.padStart(9)}${perOp.padStart(opWidth)}${'share %'.padStart(8)}${'cores'.padStart(8)}`,
    ...rows.map(([name, ms]) => line(name, ms)),
    line('total', d.totalMs),
    `    box: ${d.boxBusyCores.toFixed(2)} of ${d.cores} cores busy, ${(d.boxBusyCores - d.totalMs / d.wallMs).toFixed(2)} of them outside the total (other work on the machine)` +
      (other.length ? `; not in the total: ${other.map(([name, ms]) => `${name} backends of other clients ${ms.toFixed(0)} ms`).join(', ')}` : '') +
      (servers.length ? `; ${servers.join(' and ')} whole servers, other clients' work included` : ''),
  ];
}

/** A CPU window for a bench's JSON line: ms per process, rounded. */
export const cpuJson = (d: CpuDelta) => ({
  wallMs: Math.round(d.wallMs),
  cpuMs: Object.fromEntries(Object.entries(d.cpuMs).map(([k, v]) => [k, Math.round(v)])),
  totalMs: Math.round(d.totalMs),
  others: d.others,
  boxBusyCores: Math.round(d.boxBusyCores * 100) / 100,
});
