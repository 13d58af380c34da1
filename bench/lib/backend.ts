import path from 'node:path';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
// The services themselves, started in-process (as the gateway's end-to-end tests do).
import { loadAuthConfig } from '../../services/auth/src/config';
import { start as startAuthService } from '../../services/auth/src/main';
import { loadCatalogConfig } from '../../services/catalog/src/config';
import { start as startCatalogService } from '../../services/catalog/src/main';

export interface BackendEnv {
  auth: Record<string, string>;
  /** AUTH_GRPC_ADDR is filled in once auth is up. */
  catalog: Record<string, string>;
}

export interface Backend {
  authAddress: string;
  catalogAddress: string;
  /** The services' thread's event-loop utilisation (worker mode only): how busy it was. */
  eventLoopUtilization?: (previous?: EventLoopUtilization) => EventLoopUtilization;
  stop(): Promise<void>;
}

const quiet = (service: string) => pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn', base: { service } });

/** auth, then catalog (which verifies tokens and reads instructor names through auth). */
export async function startBackendHere(env: BackendEnv): Promise<Backend> {
  const auth = await startAuthService(loadAuthConfig(env.auth), quiet('auth'));
  const authAddress = `127.0.0.1:${auth.grpcPort}`;
  try {
    const catalog = await startCatalogService(loadCatalogConfig({ ...env.catalog, AUTH_GRPC_ADDR: authAddress }), quiet('catalog'));
    return {
      authAddress,
      catalogAddress: `127.0.0.1:${catalog.grpcPort}`,
      async stop() {
        await catalog.stop();
        await auth.stop();
      },
    };
  } catch (err) {
    await auth.stop();
    throw err;
  }
}

/**
 * The same, in a worker thread: the services get their own event loop, as separate processes would,
 * instead of sharing the gateway's. (TypeScript is loaded in the worker through tsx's require hook.)
 */
export function startBackendInWorker(env: BackendEnv): Promise<Backend> {
  const worker = new Worker(`require('tsx/cjs'); require(require('node:worker_threads').workerData.entry);`, {
    eval: true,
    workerData: { entry: path.join(__dirname, 'backend.worker.ts'), env },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (msg: { type: string; authAddress?: string; catalogAddress?: string; error?: string }) => {
      if (msg.type !== 'ready') {
        reject(new Error(`backend worker: ${msg.error ?? msg.type}`));
        return;
      }
      resolve({
        authAddress: msg.authAddress!,
        catalogAddress: msg.catalogAddress!,
        eventLoopUtilization: (previous) => worker.performance.eventLoopUtilization(previous),
        stop: () =>
          new Promise<void>((done) => {
            worker.once('message', () => {
              void worker.terminate().then(() => done());
            });
            worker.postMessage('stop');
          }),
      });
    });
  });
}
