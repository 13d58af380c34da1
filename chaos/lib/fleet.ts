import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkHealth } from '@lms/kit/grpc';
import { REPO, deployedNodeEnv, freePort } from '../../bench/lib/processes';

/**
 * The fleet as `node` processes from their builds (as `make run` starts them), each on a port fixed for the whole run
 * so that a killed process comes back where its clients look for it.
 */
export const SERVICES = ['auth', 'catalog', 'enrollment', 'quiz', 'analytics', 'certificate'] as const;
export type ServiceName = (typeof SERVICES)[number] | 'gateway';

interface Proc {
  name: ServiceName;
  port: number;
  env: Record<string, string>;
  child?: ChildProcess;
}

export interface ChaosFleet {
  names: ServiceName[];
  gatewayUrl: string;
  pid(name: ServiceName): number;
  /** SIGKILL, then a new process on the same port; resolves once it answers its readiness check. */
  killAndRestart(name: ServiceName): Promise<void>;
  signal(name: ServiceName, signal: 'SIGSTOP' | 'SIGCONT'): void;
  stop(): Promise<void>;
}

export async function startChaosFleet(opts: {
  services: (typeof SERVICES)[number][];
  common: Record<string, string>;
  perService: (name: ServiceName) => Record<string, string>;
  logDir: string;
}): Promise<ChaosFleet> {
  const names: ServiceName[] = [...opts.services, 'gateway'];
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()] as const))) as Record<ServiceName, number>;
  const addrs = Object.fromEntries(opts.services.map((n) => [`${n.toUpperCase()}_GRPC_ADDR`, `127.0.0.1:${ports[n]}`]));
  const procs = new Map<ServiceName, Proc>();
  for (const name of names) {
    const portEnv: Record<string, string> = name === 'gateway' ? { PORT: String(ports[name]), HOST: '127.0.0.1' } : { GRPC_PORT: String(ports[name]) };
    // metrics on any free port: a restarted process must not collide with the one it replaces while that one dies
    procs.set(name, { name, port: ports[name], env: { ...opts.common, ...addrs, ...deployedNodeEnv(), ...opts.perService(name), ...portEnv, METRICS_PORT: '0' } });
  }
  const ready = async (p: Proc) =>
    p.name === 'gateway'
      ? (await fetch(`http://127.0.0.1:${p.port}/readyz`).catch(() => undefined))?.ok === true
      : (await checkHealth(`127.0.0.1:${p.port}`, 500).catch(() => undefined)) === 'SERVING';
  const launch = async (p: Proc) => {
    const entry = path.join(REPO, p.name === 'gateway' ? 'gateway/dist/src/main.js' : `services/${p.name}/dist/src/main.js`);
    const log = fs.openSync(path.join(opts.logDir, `${p.name}.log`), 'a');
    const child = spawn(process.execPath, [entry], { cwd: REPO, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...p.env }, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    p.child = child;
    const deadline = Date.now() + 120_000;
    while (!(await ready(p))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${p.name} exited (${child.exitCode ?? child.signalCode}); see ${opts.logDir}/${p.name}.log`);
      if (Date.now() > deadline) throw new Error(`${p.name} not ready after 120 s; see ${opts.logDir}/${p.name}.log`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  const stopOne = async (p: Proc) => {
    const child = p.child;
    if (!child) return;
    child.kill('SIGCONT');
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.kill('SIGTERM');
    await exited(child);
    clearTimeout(force);
  };
  const started: Proc[] = [];
  const stop = async () => {
    for (const p of started.splice(0).reverse()) await stopOne(p);
  };
  try {
    // The services all at once (every address is known up front; a client reaches a peer still starting on a later
    // call, a consumer retries), the gateway last: its readiness asks them.
    const grpc = opts.services.map((name) => procs.get(name)!);
    started.push(...grpc);
    const launched = await Promise.allSettled(grpc.map(launch));
    const failed = launched.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    started.push(procs.get('gateway')!);
    await launch(procs.get('gateway')!);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    names,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    pid: (name) => procs.get(name)!.child!.pid!,
    killAndRestart: async (name) => {
      const p = procs.get(name)!;
      const child = p.child!;
      child.kill('SIGKILL');
      await exited(child);
      await launch(p);
    },
    signal: (name, signal) => void procs.get(name)!.child!.kill(signal),
    stop,
  };
}
