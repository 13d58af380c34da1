import { spawn } from 'node:child_process';

export interface ReadyProcess {
  pid: number;
  /** SIGTERM, SIGKILL after 15 s; resolves once it exited. */
  stop(): Promise<void>;
  /** Its last 20 KB of output. */
  output(): string;
}

/**
 * `node <args>` from a build, waited for until `ready()` says so (polled every 100 ms): the process is stopped and
 * the start fails with its last output when it exits first or `timeoutMs` passes (a loaded CI box is slow to start
 * processes). `env` is the whole environment, plus PATH and HOME.
 */
export async function startReadyProcess(opts: { name: string; args: string[]; env: Record<string, string>; cwd?: string; ready: () => Promise<boolean>; timeoutMs?: number }): Promise<ReadyProcess> {
  let output = '';
  const child = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    }
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (!(await opts.ready().catch(() => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name} did not start:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid!, stop, output: () => output };
}
