import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { parentPort, workerData } from 'node:worker_threads';
import { startFleetHere, type FleetEnv } from './fleet';
import { snapshot, startCounting } from './roundtrips';

const { env, countRoundTrips } = workerData as { env: FleetEnv; countRoundTrips: boolean };
// Before the services start: their gRPC handlers and Redis scripts are labelled as they are registered.
if (countRoundTrips) startCounting();
const profile = backendProfiler(process.env.BENCH_PROFILE_BACKEND);
startFleetHere(env).then(
  (fleet) => {
    parentPort!.on('message', (msg) => {
      if (msg === 'stop') void fleet.stop().finally(() => parentPort!.postMessage({ type: 'stopped' }));
      if (msg === 'roundtrips') {
        profile.onSnapshot();
        parentPort!.postMessage({ type: 'roundtrips', counts: snapshot() });
      }
    });
    parentPort!.postMessage({ type: 'ready', addresses: fleet.addresses });
  },
  (err: Error) => parentPort!.postMessage({ type: 'error', error: err.stack ?? err.message }),
);

/**
 * BENCH_PROFILE_BACKEND=<file.cpuprofile>: a V8 CPU profile of this thread (the services) over the first
 * measured phase — from the bench's first round-trip snapshot (the phase's start) to its second (its end);
 * so only with the round-trip counters on (catalog-list). Open it in Chrome DevTools.
 */
function backendProfiler(file: string | undefined): { onSnapshot(): void } {
  if (!file) return { onSnapshot: () => undefined };
  const session = new Session();
  session.connect();
  let snapshots = 0;
  return {
    onSnapshot() {
      snapshots++;
      if (snapshots === 1) {
        session.post('Profiler.enable', () => session.post('Profiler.start'));
      } else if (snapshots === 2) {
        session.post('Profiler.stop', (err, result) => {
          if (!err) writeFileSync(file, JSON.stringify(result.profile));
          process.stderr.write(`[bench] ${err ? `backend CPU profile failed: ${err.message}` : `backend CPU profile written to ${file}`}\n`);
          session.disconnect();
        });
      }
    },
  };
}
