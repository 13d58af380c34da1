import { parentPort, workerData } from 'node:worker_threads';
import { startBackendHere, type BackendEnv } from './backend';

const { env } = workerData as { env: BackendEnv };
startBackendHere(env).then(
  (backend) => {
    parentPort!.on('message', (msg) => {
      if (msg === 'stop') void backend.stop().finally(() => parentPort!.postMessage({ type: 'stopped' }));
    });
    parentPort!.postMessage({ type: 'ready', authAddress: backend.authAddress, catalogAddress: backend.catalogAddress });
  },
  (err: Error) => parentPort!.postMessage({ type: 'error', error: err.stack ?? err.message }),
);
