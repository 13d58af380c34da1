import { parentPort, workerData } from 'node:worker_threads';
import { startFleetHere, type FleetEnv } from './fleet';

const { env } = workerData as { env: FleetEnv };
startFleetHere(env).then(
  (fleet) => {
    parentPort!.on('message', (msg) => {
      if (msg === 'stop') void fleet.stop().finally(() => parentPort!.postMessage({ type: 'stopped' }));
    });
    parentPort!.postMessage({ type: 'ready', addresses: fleet.addresses });
  },
  (err: Error) => parentPort!.postMessage({ type: 'error', error: err.stack ?? err.message }),
);
