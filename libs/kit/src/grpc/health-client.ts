import * as grpc from '@grpc/grpc-js';
import { loadService } from './proto';

let HealthClient: grpc.ServiceClientConstructor | undefined;

/** Returns SERVING / NOT_SERVING / UNKNOWN / SERVICE_UNKNOWN, or throws when the server can't be reached. */
export function checkHealth(address: string, deadlineMs = 1000): Promise<string> {
  HealthClient ??= loadService('grpc/health/v1/health.proto', 'grpc.health.v1.Health');
  const client = new HealthClient(address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    (client as unknown as { Check: Function }).Check(
      { service: '' },
      { deadline: Date.now() + deadlineMs },
      (err: grpc.ServiceError | null, res: { status: string }) => {
        client.close();
        if (err) reject(err);
        else resolve(res.status);
      },
    );
  });
}
