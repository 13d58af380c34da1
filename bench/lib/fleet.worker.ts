import { parentPort, workerData } from 'node:worker_threads';
import { startFleetHere, type FleetEnv } from './fleet';
import { snapshot, startCounting } from './roundtrips';

const { env, countRoundTrips } = workerData as { env: FleetEnv; countRoundTrips: boolean };
// Before the services start: their gRPC handlers and Redis scripts are labelled as they are registered.
if (countRoundTrips) startCounting();
startFleetHere(env).then(
  (fleet) => {
    parentPort!.on('message', (msg) => {
      if (msg === 'stop') void fleet.stop().finally(() => parentPort!.postMessage({ type: 'stopped' }));
      if (msg === 'roundtrips') parentPort!.postMessage({ type: 'roundtrips', counts: snapshot() });
    });
    parentPort!.postMessage({ type: 'ready', addresses: fleet.addresses });
  },
  (err: Error) => parentPort!.postMessage({ type: 'error', error: err.stack ?? err.message }),
);
