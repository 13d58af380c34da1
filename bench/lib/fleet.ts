import path from 'node:path';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { deployedNodeEnv, freePort, startGrpcService } from './processes';
import type { Counts } from './roundtrips';
// The services themselves, started in-process (as the services' end-to-end tests do).
import { loadAuthConfig } from '../../services/auth/src/config';
import { start as startAuthService } from '../../services/auth/src/main';
import { loadCatalogConfig } from '../../services/catalog/src/config';
import { start as startCatalogService } from '../../services/catalog/src/main';
import { loadEnrollmentConfig } from '../../services/enrollment/src/config';
import { start as startEnrollmentService } from '../../services/enrollment/src/main';
import { loadQuizConfig } from '../../services/quiz/src/config';
import { start as startQuizService } from '../../services/quiz/src/main';

/**
 * The services behind a benchmark: as separate `node` processes from their builds, as deployed
 * (startFleetProcesses), or in-process — by default in one worker thread of their own. auth and
 * catalog always; enrollment and quiz when their environment is given (the quiz bench needs all four, the
 * catalog bench two). Each gets its environment as given; the *_GRPC_ADDR of the services started before it
 * are filled in.
 */
export interface FleetEnv {
  auth: Record<string, string>;
  catalog: Record<string, string>;
  enrollment?: Record<string, string>;
  quiz?: Record<string, string>;
}

export interface FleetAddresses {
  auth: string;
  catalog: string;
  /** "" when not started. */
  enrollment: string;
  quiz: string;
}

export interface Fleet {
  addresses: FleetAddresses;
  /** The services' thread's event-loop utilisation (worker mode only): how busy it was. */
  eventLoopUtilization?: (previous?: EventLoopUtilization) => EventLoopUtilization;
  /** The services' thread's round-trip counters (worker mode started with `countRoundTrips`): see ./roundtrips. */
  roundTrips?: () => Promise<Counts>;
  /** Processes mode: each service's PID (for ./cpu's accounting), by name. */
  pids?: Record<string, number>;
  stop(): Promise<void>;
}

/** Where a bench runs the services: their own processes (as deployed), one worker thread, or the bench's thread. */
export type Backend = 'processes' | 'worker' | 'inline';

/** BENCH_BACKEND's value: `processes` when unset; an unknown one is refused rather than silently replaced. */
export function backendOf(value: string | undefined): Backend {
  if (value === undefined || value === '') return 'processes';
  if (value === 'processes' || value === 'worker' || value === 'inline') return value;
  throw new Error(`BENCH_BACKEND must be processes, worker or inline (got ${value})`);
}

const quiet = (service: string) => pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn', base: { service } });

/** auth → catalog → enrollment → quiz on this thread; stops what started if a later one fails. */
export async function startFleetHere(env: FleetEnv): Promise<Fleet> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    // catalog's port reserved up front so auth, started first, knows it, as in a deployment (auth's mail
    // consumers ask catalog for course titles; pointed at nothing they would retry and park every mail).
    const catalogPort = await freePort();
    const auth = await startAuthService(loadAuthConfig({ ...env.auth, CATALOG_GRPC_ADDR: `127.0.0.1:${catalogPort}` }), quiet('auth'));
    stops.push(() => auth.stop());
    const addresses: FleetAddresses = { auth: `127.0.0.1:${auth.grpcPort}`, catalog: '', enrollment: '', quiz: '' };
    // catalog's ENROLLMENT_GRPC_ADDR (lesson content for a student enrolled a moment ago) is not on the benched
    // paths and enrollment is not up yet: it keeps what env.catalog gives.
    const catalog = await startCatalogService(loadCatalogConfig({ ...env.catalog, GRPC_PORT: String(catalogPort), AUTH_GRPC_ADDR: addresses.auth }), quiet('catalog'));
    stops.push(() => catalog.stop());
    addresses.catalog = `127.0.0.1:${catalog.grpcPort}`;
    if (env.enrollment) {
      const enrollment = await startEnrollmentService(
        loadEnrollmentConfig({ ...env.enrollment, AUTH_GRPC_ADDR: addresses.auth, CATALOG_GRPC_ADDR: addresses.catalog }),
        quiet('enrollment'),
      );
      stops.push(() => enrollment.stop());
      addresses.enrollment = `127.0.0.1:${enrollment.grpcPort}`;
    }
    if (env.quiz) {
      const quiz = await startQuizService(
        loadQuizConfig({ ...env.quiz, AUTH_GRPC_ADDR: addresses.auth, CATALOG_GRPC_ADDR: addresses.catalog, ENROLLMENT_GRPC_ADDR: addresses.enrollment }),
        quiet('quiz'),
      );
      stops.push(() => quiz.stop());
      addresses.quiz = `127.0.0.1:${quiz.grpcPort}`;
    }
    return { addresses, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * The same, in a worker thread: the services get their own event loop, as separate processes would,
 * instead of sharing the gateway's. (TypeScript is loaded in the worker through tsx's require hook.)
 */
export function startFleetInWorker(env: FleetEnv, options: { countRoundTrips?: boolean } = {}): Promise<Fleet> {
  const worker = new Worker(`require('tsx/cjs'); require(require('node:worker_threads').workerData.entry);`, {
    eval: true,
    workerData: { entry: path.join(__dirname, 'fleet.worker.ts'), env, countRoundTrips: options.countRoundTrips === true },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (msg: { type: string; addresses?: FleetAddresses; error?: string }) => {
      if (msg.type !== 'ready') {
        void worker.terminate();
        reject(new Error(`fleet worker: ${msg.error ?? msg.type}`));
        return;
      }
      resolve({
        addresses: msg.addresses!,
        eventLoopUtilization: (previous) => worker.performance.eventLoopUtilization(previous),
        roundTrips: options.countRoundTrips
          ? () =>
              new Promise<Counts>((done) => {
                const answer = (reply: { type: string; counts?: Counts }) => {
                  if (reply.type !== 'roundtrips') return;
                  worker.off('message', answer);
                  done(reply.counts!);
                };
                worker.on('message', answer);
                worker.postMessage('roundtrips');
              })
          : undefined,
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

/**
 * The same services, each its own `node` process started from its build (`services/<name>/dist`: `npx tsc -b` first)
 * with the environment given plus scripts/run.sh's NODE_OPTIONS and MALLOC_ARENA_MAX, as deployed: every service
 * its own event loop and heap. Every address is known to every service before the first starts (ports picked up
 * front, as `make run` does). Output goes to `<logDir>/<name>.log`; BENCH_NODE_FLAGS reaches every process (see
 * ./processes; staleBuilds() there tells whether the builds are of the current sources).
 */
export async function startFleetProcesses(env: FleetEnv, logDir: string): Promise<Fleet> {
  const names = (['auth', 'catalog', 'enrollment', 'quiz'] as const).filter((name) => env[name]);
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const)));
  const addresses: FleetAddresses = { auth: '', catalog: '', enrollment: '', quiz: '' };
  for (const name of names) addresses[name] = `127.0.0.1:${ports[name]}`;
  const known = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_GRPC_ADDR`, addresses[name]]));
  const started: Awaited<ReturnType<typeof startGrpcService>>[] = [];
  const stop = async () => {
    for (const p of started.splice(0).reverse()) await p.stop();
  };
  try {
    // One after the other, in run.sh's order: each one's clients reach the ones before it ready.
    for (const name of names) started.push(await startGrpcService(name, { ...env[name]!, ...known, ...deployedNodeEnv() }, logDir, ports[name]));
  } catch (err) {
    await stop();
    throw err;
  }
  return { addresses, pids: Object.fromEntries(started.map((p) => [p.name, p.pid])), stop };
}
