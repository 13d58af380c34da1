import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts `node -e <script> <args…>` as a process of its own — bare servers for a floor, as each of the fleet's
 * services is one — and resolves with the JSON of the first line it prints (its ports) once it is listening; rejects
 * when it fails to start or exits before. Its working directory is bench/lib, so its `require`s find the repository's
 * packages. The caller ends it (SIGTERM).
 */
export function startInlineChild<T>(what: string, script: string, args: string[] = []): Promise<{ child: ChildProcess; ready: T }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], cwd: __dirname });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, ready: JSON.parse(chunk.toString()) as T }));
  });
}
